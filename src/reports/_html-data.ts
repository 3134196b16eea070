/**
 * The data the HTML report's script works on, in a compact form that stays small at 100,000
 * findings: each finding is an array whose repeated strings (check, status, severity, type,
 * region) are indexes into shared tables. Findings are ordered for reading: failing first, then by
 * severity, duty, check and resource.
 * @module
 */
import { SEVERITIES } from '../checks/define.ts'
import { cmpKeys } from '../engine/order.ts'
import { FINDING_STATUSES, type Finding, type ScanResult } from '../engine/types.ts'

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
} as const

/** One encoded finding. */
export type EncodedFinding = [
  number,
  number,
  number,
  number,
  string,
  string,
  number,
  string,
  string | 0,
  string | 0,
  string | 0,
]

/** The report's data block. */
export interface HtmlData {
  statuses: readonly string[]
  severities: readonly string[]
  types: string[]
  regions: string[]
  duties: { id: string; title: string; status: string }[]
  /** `[id, title, duty index, remediation text, remediation cli]` */
  checks: [string, string, number, string, string][]
  findings: EncodedFinding[]
  pageSize: number
}

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

/** Builds the data block of a result. */
export function htmlData(r: ScanResult, pageSize: number): HtmlData {
  const duties = r.duties.map((d) => ({ id: d.id, title: d.title, status: d.status }))
  const dutyIndex = new Map(duties.map((d, i) => [d.id, i]))
  const checks = r.checks.map(
    (c) =>
      [c.id, c.title, dutyIndex.get(c.duty) ?? -1, c.remediation.text, c.remediation.cli ?? ''] as [
        string,
        string,
        number,
        string,
        string,
      ],
  )
  const checkIndex = new Map(checks.map((c, i) => [c[0], i]))
  const types = interner()
  const regions = interner()
  const rank = (f: Finding) => [
    String(FINDING_STATUSES.indexOf(f.status)),
    String(SEVERITIES.indexOf(f.severity)),
    String(dutyIndex.get(f.duty) ?? 999).padStart(3, '0'),
    f.checkId,
    f.resource.name,
    f.resource.id,
    f.resource.region,
  ]
  // Keys computed once: sorting 100,000 findings must not build arrays per comparison.
  const keyed = r.findings.map((f) => ({ f, k: rank(f) }))
  const sorted = keyed.sort((a, b) => cmpKeys(a.k, b.k)).map((x) => x.f)
  const findings = sorted.map((f): EncodedFinding => {
    const x = f.expiredMute
    const mute = f.mute
      ? `Muted: ${f.mute.reason} (${f.mute.entry}${f.mute.expires ? `, until ${f.mute.expires}` : ''})`
      : x
        ? `Mute expired on ${x.expires}, no longer mutes: ${x.reason} (${x.entry})`
        : 0
    return [
      checkIndex.get(f.checkId) ?? -1,
      FINDING_STATUSES.indexOf(f.status),
      SEVERITIES.indexOf(f.severity),
      types.id(f.resource.type),
      f.resource.id,
      f.resource.name,
      regions.id(f.resource.region),
      f.message,
      f.evidence ? JSON.stringify(f.evidence, null, 1) : 0,
      mute,
      f.mutedStatus ?? f.cause ?? 0,
    ]
  })
  return {
    statuses: FINDING_STATUSES,
    severities: SEVERITIES,
    types: types.list,
    regions: regions.list,
    duties,
    checks,
    findings,
    pageSize,
  }
}
