/**
 * `sphere scan` on a terminal, readable at any size: the summary first (one line, then one row per
 * scope and every duty with its owner and status, per scope where it fits), then the failing
 * findings grouped by check with a count and the first resources of each (`--findings all` for
 * every one), what could not be evaluated, the collection issues, notes and the summary again.
 * Lines follow the terminal's width.
 * @module
 */

import { SEVERITIES, type Severity } from '../checks/define.ts'
import type { ComplianceView } from '../compliance/evaluate.ts'
import { firstLine, scanOrigins, scanSubject, summaryLine } from '../engine/summary.ts'
import type { Finding, ScanResult } from '../engine/types.ts'
import { type CheckGroup, groupByCheck } from './_by-check.ts'
import { joinChunks } from './_chunks.ts'
import { type FindingFilter, filterLabel, isOpen, selectFindings } from './_filter.ts'
import { oneCloud, shortLabel } from './_scopes.ts'
import { columns, paint, type Style, safeText, wrap } from './_terminal.ts'
import { dutySection, scopeTable } from './_text-summary.ts'
import { complianceTextSection } from './compliance-text.ts'

/** Options of {@link renderText}. */
export interface TextOptions {
  /** ANSI colour (only when writing to a terminal). */
  color: boolean
  /** Line width (the terminal's columns; default {@link DEFAULT_WIDTH}). */
  width?: number
  /** Resources listed per check: a number (default {@link DEFAULT_FINDINGS}) or `all`. */
  findings?: number | 'all'
  /** Which findings are listed (`--severity`, `--status`); summaries always count all. */
  filter?: FindingFilter
  /** Only the summary, the duties and the failing findings (`--quiet`). */
  quiet?: boolean
  /** Compliance views (`sphere scan --compliance`): a section per framework. */
  compliance?: readonly ComplianceView[]
}

/** Width when the output is not a terminal. */
export const DEFAULT_WIDTH = 100
/** Resources listed per check unless `--findings` says otherwise. */
export const DEFAULT_FINDINGS = 10

const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
}

const s = (text: string) => safeText(text)

function resourceText(f: Finding): string {
  const { name, id } = f.resource
  return name && name !== id ? `${s(name)} (${s(id)})` : s(id)
}

interface Ctx {
  readonly c: boolean
  readonly width: number
  readonly max: number
  readonly one: boolean
}

function groupLines(g: CheckGroup, x: Ctx): string[] {
  const sev = paint(SEVERITY_STYLE[g.severity], g.severity.toUpperCase(), x.c)
  const n = g.findings.length
  const out = [
    '',
    `  ${sev}  ${paint('bold', g.checkId, x.c)}: ${n} resource${n === 1 ? '' : 's'} · duty ${g.duty}`,
    ...wrap(s(g.check?.title ?? g.checkId), x.width, '    '),
  ]
  const fix = firstLine(g.check?.remediation.text ?? '')
  if (fix) out.push(...wrap(`fix: ${s(fix)}`, x.width, '    ').map((l) => paint('dim', l, x.c)))
  for (const f of g.findings.slice(0, x.max)) {
    const where = `${s(shortLabel(f.scope, x.one))}${f.resource.region !== f.scope.region ? ` ${s(f.resource.region)}` : ''}`
    out.push(
      ...wrap(`- ${resourceText(f)} · ${where}: ${s(f.message)}`, x.width, '      ').map((l, i) =>
        i === 0 ? l.replace(/^ {6}/, '    ') : l,
      ),
    )
    const e = f.expiredMute
    if (e)
      out.push(
        `      ${paint('yellow', `mute expired on ${s(e.expires ?? '')} (${s(e.entry)}): ${s(e.reason)}`, x.c)}`,
      )
  }
  if (n > x.max) out.push(`    …and ${n - x.max} more (--findings all lists every resource)`)
  return out
}

function* failing(r: ScanResult, fails: readonly Finding[], x: Ctx, filter?: FindingFilter) {
  const groups = groupByCheck(fails, r)
  const bySev = SEVERITIES.map((v) => [v, fails.filter((f) => f.severity === v).length] as const)
    .filter(([, k]) => k > 0)
    .map(([v, k]) => `${k} ${v}`)
  const filtered = isOpen(filter) ? '' : ` (listed: ${filterLabel(filter)})`
  if (fails.length === 0) {
    yield `\n${paint('bold', `No failing findings${filtered}.`, x.c)}\n`
    return
  }
  yield `\n${paint('bold', `Failing findings: ${fails.length} in ${groups.length} check${groups.length === 1 ? '' : 's'} (${bySev.join(', ')})${filtered}`, x.c)}\n`
  for (const g of groups) yield `${groupLines(g, x).join('\n')}\n`
}

function errorSection(errors: readonly Finding[], r: ScanResult, c: boolean): string[] {
  if (errors.length === 0) return []
  const rows = groupByCheck(errors, r).map((g) => [
    `  ${g.checkId}`,
    `${g.findings.length}×`,
    s(g.findings[0]!.message) + (g.findings.length > 1 ? ' …' : ''),
  ])
  return ['', paint('bold', `Could not evaluate (${errors.length})`, c), ...columns(rows)]
}

function issueSection(r: ScanResult, c: boolean, one: boolean): string[] {
  if (r.issues.length === 0) return []
  const head = ['Scope', 'Service', 'Resource type', 'Region', 'Kind', 'Message']
  const rows = r.issues.map((i) => [
    `  ${s(shortLabel(i.scope, one))}`,
    s(i.service),
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

function head(r: ScanResult, x: Ctx): string[] {
  const attest = [
    ...new Set(r.duties.flatMap((d) => (d.status === 'inherited' ? d.attestations : []))),
  ]
  const unknown = r.duties.filter((d) => d.status === 'unknown')
  return [
    paint('bold', `Sphere ${s(r.tool.version)}: ${s(scanSubject(r))}`, x.c),
    `${s(scanOrigins(r).join(', '))} · scanned ${s(r.scan.startedAt)} to ${s(r.scan.finishedAt)} · model ${s(r.modelVersion)}`,
    paint('bold', `Summary: ${summaryLine(r)}`, x.c),
    '',
    ...scopeTable(r, x.c),
    '',
    ...dutySection(r, x.c, x.width),
    ...(unknown.length > 0
      ? ['', '  Why unknown:', ...columns(unknown.map((d) => [`    ${d.id}`, s(d.reason)]))]
      : []),
    ...(attest.length > 0
      ? ['', `  Inherited duties are evidenced by: ${attest.map(s).join('; ')}`]
      : []),
  ]
}

/** Renders a scan result for a terminal, chunk by chunk. Pure: the same result gives the same text. */
export function* renderTextChunks(r: ScanResult, opts: TextOptions): Generator<string> {
  const x: Ctx = {
    c: opts.color,
    width: Math.max(40, opts.width ?? DEFAULT_WIDTH),
    max:
      opts.findings === 'all'
        ? Number.POSITIVE_INFINITY
        : Math.max(0, opts.findings ?? DEFAULT_FINDINGS),
    one: oneCloud(r),
  }
  yield `${head(r, x).join('\n')}\n`
  const listed = selectFindings(r.findings, opts.filter)
  yield* failing(
    r,
    listed.filter((f) => f.status === 'fail'),
    x,
    opts.filter,
  )
  const tail = [
    ...(opts.quiet
      ? []
      : errorSection(
          listed.filter((f) => f.status === 'error'),
          r,
          x.c,
        )),
    ...issueSection(r, x.c, x.one),
    ...(opts.quiet ? [] : notesSection(r, x.c)),
    ...complianceTextSection(opts.compliance ?? [], x.c),
    '',
    paint('bold', `Summary: ${summaryLine(r)}`, x.c),
  ]
  yield `${tail.join('\n')}\n`
}

/** The text report as one string (small results; the CLI writes {@link renderTextChunks}). */
export function renderText(r: ScanResult, opts: TextOptions): string {
  return joinChunks(renderTextChunks(r, opts))
}
