/**
 * The top of the text report: the organisation summary (one row per scope) and the duties, with
 * each scope's status beside the organisation's when the terminal is wide enough, else as a
 * separate scopes × duties matrix with numbered duty columns.
 * @module
 */
import { DUTY_STATUS_LABEL } from '../engine/summary.ts'
import type { DutyResult, DutyStatus, ScanResult } from '../engine/types.ts'
import type { Owner } from '../responsibility/schema.ts'
import { dutyMatrix, scopeCountLabel, scopeRows } from './_scopes.ts'
import { columns, paint, type Style, safeText, visibleLength } from './_terminal.ts'

export const STATUS_STYLE: Record<DutyStatus, Style> = {
  not_met: 'red',
  unknown: 'yellow',
  met: 'green',
  inherited: 'blue',
}
const OWNER_STYLE: Record<Owner, Style> = { customer: 'cyan', provider: 'green', shared: 'yellow' }
const SYMBOL: Record<DutyStatus, string> = { not_met: '✗', unknown: '?', met: '✓', inherited: '~' }

const s = (text: string) => safeText(text)
const bold = (cells: string[], c: boolean) =>
  cells.map((h, i) => paint('bold', i === 0 ? `  ${h}` : h, c))

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

/** One row per scope: resources, duties by status, findings (all of them) and issues. */
export function scopeTable(r: ScanResult, c: boolean): string[] {
  const rows = scopeRows(r).map((x) => [
    `  ${s(x.label)}`,
    String(x.resources),
    String(x.duties.not_met),
    String(x.duties.unknown),
    String(x.duties.met),
    String(x.findings.fail),
    String(x.findings.error),
    String(x.findings.manual),
    String(x.issues),
  ])
  const head = ['Scope', 'Resources', 'Not met', 'Unknown', 'Met', 'Fail', 'Error', 'Manual']
  return [
    paint('bold', `Organisation: ${scopeCountLabel(r)}`, c),
    ...columns([bold([...head, 'Issues'], c), ...rows]),
  ]
}

const statusCell = (st: DutyStatus | null, c: boolean) =>
  st === null ? '-' : paint(STATUS_STYLE[st], DUTY_STATUS_LABEL[st].toUpperCase(), c)

/** The duty table; `perScope` adds each scope's status as a column. */
function dutyRows(r: ScanResult, c: boolean, perScope: boolean): string[] {
  const m = dutyMatrix(r)
  const scopeHeads = perScope ? m.scopes.map((x) => s(x.short)) : []
  const head = ['Duty', 'Owner', 'Status', ...scopeHeads]
  const counts = ['Fail', 'Error', 'Manual', 'Muted', 'Pass', 'N/A', 'By model']
  const rows = r.duties.map((d) => {
    const n = d.counts
    const i = m.duties.indexOf(d)
    const provider = d.kind === 'provider'
    return [
      `  ${d.id}`,
      paint(OWNER_STYLE[d.owner], d.owner, c),
      statusCell(d.status, c),
      ...(perScope ? m.scopes.map((_, j) => (provider ? '' : statusCell(m.cells[i]![j]!, c))) : []),
      ...(provider
        ? ['', '', '', '', '', '']
        : [n.fail, n.error, n.manual, n.muted, n.pass, n.not_applicable].map(String)),
      byModel(d),
    ]
  })
  return columns([bold([...head, ...counts], c), ...rows])
}

/** Scopes (rows) × customer duties (numbered columns), for organisations too wide for columns. */
function matrixRows(r: ScanResult, c: boolean, width: number): string[] {
  const m = dutyMatrix(r)
  const head = ['Scope', ...m.duties.map((_, i) => String(i + 1))]
  const rows = m.scopes.map((x, j) => [
    `  ${s(x.short)}`,
    ...m.duties.map((_, i) => {
      const st = m.cells[i]![j]!
      return st === null ? '·' : paint(STATUS_STYLE[st], SYMBOL[st], c)
    }),
  ])
  const legend = m.duties.map((d, i) => `${i + 1} ${d.id}`)
  const lines: string[] = []
  let line = '  Duties:'
  for (const l of legend) {
    if (line.length + 2 + l.length > width) {
      lines.push(line)
      line = '   '
    }
    line += `  ${l}`
  }
  lines.push(line)
  return [
    '',
    paint('bold', 'Duties per scope (✗ not met, ? unknown, ✓ met, · not in this scope)', c),
    ...columns([bold(head, c), ...rows]),
    ...lines,
  ]
}

/**
 * The duties: with a status column per scope when that fits `width`, else the plain table and
 * the scopes × duties matrix below it.
 */
export function dutySection(r: ScanResult, c: boolean, width: number): string[] {
  const title = paint('bold', 'Your sphere: who owns each duty, and is your part done?', c)
  const wide = dutyRows(r, c, true)
  // The last column (by model) may run long; the scope columns must fit before it.
  const fits = wide.every((l) => visibleLength(l.replace(/\S+(?: \S+)*$/, '')) <= width)
  if (fits || r.scopes.length <= 1)
    return [title, ...(r.scopes.length > 1 ? wide : dutyRows(r, c, false))]
  return [title, ...dutyRows(r, c, false), ...matrixRows(r, c, width)]
}
