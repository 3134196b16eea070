/**
 * The data the HTML report's script works on, streamed and compact so that it stays small at
 * 227,000 findings: each finding is an array whose repeated strings (check, status, severity,
 * type, region, scope, service) are indexes into shared tables. The findings come first (written
 * a few hundred at a time as they are encoded) and the tables after them. Findings are ordered for
 * reading: failing first, then by severity, duty, check and resource.
 * @module
 */
import { SEVERITIES } from '../checks/define.ts'
import { cmp } from '../engine/order.ts'
import { FINDING_STATUSES, type Finding, type ScanResult } from '../engine/types.ts'
import { scopeKey } from '../inventory/scope.ts'
import { batched } from './_chunks.ts'
import { type FindingFilter, filterLabel, isOpen, selectFindings } from './_filter.ts'
import { jsonForScript } from './_html-escape.ts'
import { oneCloud, shortLabel } from './_scopes.ts'

/** Position of each field in an encoded finding. */
export const F = {
  check: 0,
  status: 1,
  severity: 2,
  type: 3,
  id: 4,
  name: 5,
  region: 6,
  message: 7,
  /** Evidence as JSON text, or 0. */
  evidence: 8,
  /** Mute or expired-mute text, or 0. */
  mute: 9,
  /** Muted status or error cause, or 0. */
  detail: 10,
  /** Index into `scopes`. */
  scope: 11,
  /** Index into `services`. */
  service: 12,
} as const

function interner(): { list: string[]; id: (s: string) => number } {
  const list: string[] = []
  const map = new Map<string, number>()
  return {
    list,
    id(s) {
      let i = map.get(s)
      if (i === undefined) {
        i = list.length
        list.push(s)
        map.set(s, i)
      }
      return i
    },
  }
}

/** The findings in reading order, sorted by index (no key arrays per comparison at 227,000). */
function readingOrder(findings: readonly Finding[], dutyIndex: Map<string, number>): Finding[] {
  const rank = new Float64Array(findings.length)
  findings.forEach((f, i) => {
    rank[i] =
      FINDING_STATUSES.indexOf(f.status) * 1e6 +
      SEVERITIES.indexOf(f.severity) * 1e3 +
      (dutyIndex.get(f.duty) ?? 999)
  })
  const order = Array.from(findings.keys())
  order.sort((a, b) => {
    const x = findings[a]!
    const y = findings[b]!
    return (
      rank[a]! - rank[b]! ||
      cmp(x.checkId, y.checkId) ||
      cmp(x.resource.name, y.resource.name) ||
      cmp(x.resource.id, y.resource.id) ||
      cmp(x.resource.region, y.resource.region) ||
      cmp(scopeKey(x.scope), scopeKey(y.scope))
    )
  })
  return order.map((i) => findings[i]!)
}

/** What the charts show: always over every finding, whatever the filter. */
function charts(r: ScanResult) {
  const severity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<string, number>
  const service = new Map<string, number>()
  const scope = new Map<string, number>()
  for (const f of r.findings) {
    if (f.status !== 'fail') continue
    severity[f.severity]!++
    service.set(f.service, (service.get(f.service) ?? 0) + 1)
    const k = scopeKey(f.scope)
    scope.set(k, (scope.get(k) ?? 0) + 1)
  }
  const duties = { not_met: 0, unknown: 0, met: 0, inherited: 0 }
  for (const d of r.duties) duties[d.status]++
  return {
    duties,
    severity,
    service: [...service].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])),
    scope: r.scopes.map((s) => scope.get(scopeKey(s.scope)) ?? 0),
  }
}

/**
 * Streams the data block's JSON (escaped for a `<script type="application/json">` element).
 * @param pageSize findings and resources per page
 */
export function* htmlDataChunks(
  r: ScanResult,
  pageSize: number,
  filter: FindingFilter | undefined,
): Generator<string> {
  const duties = r.duties.map((d) => ({ id: d.id, title: d.title, status: d.status }))
  const dutyIndex = new Map(duties.map((d, i) => [d.id, i]))
  const checks = r.checks.map((c) => [
    c.id,
    c.title,
    dutyIndex.get(c.duty) ?? -1,
    c.remediation.text,
    c.remediation.cli ?? '',
    SEVERITIES.indexOf(c.severity),
  ])
  const checkIndex = new Map(r.checks.map((c, i) => [c.id, i]))
  const scopeIndex = new Map(r.scopes.map((s, i) => [scopeKey(s.scope), i]))
  const types = interner()
  const regions = interner()
  const services = interner()
  const listed = selectFindings(r.findings, filter)
  const encode = (f: Finding) => {
    const x = f.expiredMute
    const mute = f.mute
      ? `Muted: ${f.mute.reason} (${f.mute.entry}${f.mute.expires ? `, until ${f.mute.expires}` : ''})`
      : x
        ? `Mute expired on ${x.expires}, no longer mutes: ${x.reason} (${x.entry})`
        : 0
    return jsonForScript([
      checkIndex.get(f.checkId) ?? -1,
      FINDING_STATUSES.indexOf(f.status),
      SEVERITIES.indexOf(f.severity),
      types.id(f.resource.type),
      f.resource.id,
      f.resource.name,
      regions.id(f.resource.region),
      f.message,
      // Compact: the script indents it when the details are opened (a fifth of the data at 10k).
      f.evidence ? JSON.stringify(f.evidence) : 0,
      mute,
      f.mutedStatus ?? f.cause ?? 0,
      scopeIndex.get(scopeKey(f.scope)) ?? -1,
      services.id(f.service),
    ])
  }
  yield '{"findings":['
  yield* batched(readingOrder(listed, dutyIndex), encode, ',')
  const one = oneCloud(r)
  yield `],${jsonForScript({
    statuses: FINDING_STATUSES,
    severities: SEVERITIES,
    types: types.list,
    regions: regions.list,
    services: services.list,
    scopes: r.scopes.map((s) => ({ key: scopeKey(s.scope), label: shortLabel(s.scope, one) })),
    duties,
    checks,
    pageSize,
    total: r.findings.length,
    filter: isOpen(filter) ? '' : filterLabel(filter),
    charts: charts(r),
  }).slice(1)}`
}
