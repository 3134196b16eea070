/**
 * `sphere scan` on a terminal: the customer's sphere at a glance (every duty with its owner,
 * status and counts), the failing findings by duty and severity with the first step to fix each,
 * what could not be evaluated, the collection issues, notes and a one-line summary.
 * @module
 */
import { SEVERITIES, type Severity } from '../checks/define.ts'
import {
  checkIndex,
  DUTY_STATUS_LABEL,
  findingsWithStatus,
  firstLine,
  scanOrigins,
  scanSubject,
  summaryLine,
} from '../engine/summary.ts'
import type { DutyResult, DutyStatus, Finding, ScanResult } from '../engine/types.ts'
import type { Owner } from '../responsibility/schema.ts'
import { columns, paint, type Style, safeText } from './_terminal.ts'

/** Options of {@link renderText}. */
export interface TextOptions {
  /** ANSI colour (only when writing to a terminal). */
  color: boolean
}

const STATUS_STYLE: Record<DutyStatus, Style> = {
  not_met: 'red',
  unknown: 'yellow',
  met: 'green',
  inherited: 'blue',
}
const OWNER_STYLE: Record<Owner, Style> = { customer: 'cyan', provider: 'green', shared: 'yellow' }
const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
}

/** Untrusted text (names, messages, notes) as one safe line: controls and bidi overrides escaped. */
const s = (text: string) => safeText(text)

function byModel(d: DutyResult): string {
  if (d.kind === 'provider') return 'all models'
  const split = (m: string) => d.owners.filter((o) => o.model === m).length > 1
  return d.owners
    .map(
      (o) =>
        `${o.model.toUpperCase()} ${o.owner}${split(o.model) ? ` (${o.services.join(', ')})` : ''}`,
    )
    .join(', ')
}

function dutyTable(r: ScanResult, c: boolean): string[] {
  const head = [
    'Duty',
    'Owner',
    'By model',
    'Status',
    'Fail',
    'Error',
    'Manual',
    'Muted',
    'Pass',
    'N/A',
  ]
  const rows = r.duties.map((d) => {
    const n = d.counts
    return [
      `  ${d.id}`,
      paint(OWNER_STYLE[d.owner], d.owner, c),
      byModel(d),
      paint(STATUS_STYLE[d.status], DUTY_STATUS_LABEL[d.status].toUpperCase(), c),
      ...(d.kind === 'provider'
        ? []
        : [n.fail, n.error, n.manual, n.muted, n.pass, n.not_applicable].map(String)),
    ]
  })
  return columns([head.map((h, i) => paint('bold', i === 0 ? `  ${h}` : h, c)), ...rows])
}

function unknownReasons(r: ScanResult): string[] {
  const unknown = r.duties.filter((d) => d.status === 'unknown')
  if (unknown.length === 0) return ['']
  return ['', '  Why unknown:', ...columns(unknown.map((d) => [`    ${d.id}`, s(d.reason)])), '']
}

function resourceText(f: Finding): string {
  const { name, id } = f.resource
  return name && name !== id ? `${s(name)} (${s(id)})` : s(id)
}

function failingSection(r: ScanResult, c: boolean): string[] {
  const fails = findingsWithStatus(r, 'fail')
  if (fails.length === 0) return [paint('bold', 'No failing findings.', c)]
  const checks = checkIndex(r)
  const out = [paint('bold', `Failing findings (${fails.length})`, c)]
  for (const d of r.duties) {
    const mine = fails.filter((f) => f.duty === d.id)
    if (mine.length === 0) continue
    out.push('', `  ${paint('bold', d.title, c)} (${d.id}, ${d.owner})`)
    for (const sev of SEVERITIES) {
      const group = mine.filter((f) => f.severity === sev)
      if (group.length === 0) continue
      out.push(`    ${paint(SEVERITY_STYLE[sev], sev.toUpperCase(), c)}`)
      for (const f of group) {
        out.push(`      ${f.checkId}  ${resourceText(f)}  ${s(f.resource.region)}`)
        out.push(`        ${s(f.message)}`)
        const x = f.expiredMute
        if (x)
          out.push(
            `        ${paint('yellow', `mute expired on ${s(x.expires ?? '')} (${s(x.entry)}): ${s(x.reason)}`, c)}`,
          )
        const fix = firstLine(checks.get(f.checkId)?.remediation.text ?? '')
        if (fix) out.push(`        ${paint('dim', `fix: ${fix}`, c)}`)
      }
    }
  }
  return out
}

function errorSection(r: ScanResult, c: boolean): string[] {
  const errors = findingsWithStatus(r, 'error')
  if (errors.length === 0) return []
  const byCheck = new Map<string, Finding[]>()
  for (const f of errors) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f])
  const rows = [...byCheck].map(([id, list]) => [
    `  ${id}`,
    `${list.length}×`,
    s(list[0]!.message) + (list.length > 1 ? ' …' : ''),
  ])
  return ['', paint('bold', `Could not evaluate (${errors.length})`, c), ...columns(rows)]
}

function issueSection(r: ScanResult, c: boolean): string[] {
  if (r.issues.length === 0) return []
  const head = ['Service', 'Resource type', 'Region', 'Kind', 'Message']
  const rows = r.issues.map((i) => [
    `  ${s(i.service)}`,
    i.resourceType,
    s(i.region),
    s(i.errorKind),
    s(i.message),
  ])
  return [
    '',
    paint('bold', `Collection issues (${r.issues.length}): these results are incomplete`, c),
    ...columns([head.map((h, i) => paint('bold', i === 0 ? `  ${h}` : h, c)), ...rows]),
  ]
}

function notesSection(r: ScanResult, c: boolean): string[] {
  if (r.notes.length === 0) return []
  const rows = r.notes.map((n) => [
    `  ${paint(n.level === 'warning' ? 'yellow' : 'gray', n.level, c)}`,
    s(n.source ?? ''),
    s(n.message),
  ])
  return ['', paint('bold', 'Notes', c), ...columns(rows)]
}

/** Renders a scan result for a terminal. Pure: the same result gives the same text. */
export function renderText(r: ScanResult, opts: TextOptions): string {
  const c = opts.color
  const attest = [
    ...new Set(r.duties.flatMap((d) => (d.status === 'inherited' ? d.attestations : []))),
  ]
  const out = [
    paint('bold', `Sphere ${s(r.tool.version)}: ${s(scanSubject(r))}`, c),
    `${s(scanOrigins(r).join(', '))} · scanned ${s(r.scan.startedAt)} to ${s(r.scan.finishedAt)} · model ${s(r.modelVersion)}`,
    '',
    paint('bold', 'Your sphere: who owns each duty, and is your part done?', c),
    ...dutyTable(r, c),
    ...unknownReasons(r),
    ...(attest.length > 0
      ? [`  Inherited duties are evidenced by: ${attest.map(s).join('; ')}`]
      : []),
    ...(attest.length > 0 ? [''] : []),
    '',
    ...failingSection(r, c),
    ...errorSection(r, c),
    ...issueSection(r, c),
    ...notesSection(r, c),
    '',
    paint('bold', `Summary: ${summaryLine(r)}`, c),
  ]
  return `${out.join('\n')}\n`
}
