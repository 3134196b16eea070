/**
 * Markdown for a pull-request comment: the duties as a summary table, the failing findings (capped,
 * with a "…and N more" line), what could not be collected, and notes. Cloud text is escaped so it
 * cannot close a table cell, inject HTML, create links or emphasis, or mention people.
 * @module
 */
import type { ComplianceView } from '../compliance/evaluate.ts'
import {
  checkIndex,
  DUTY_STATUS_LABEL,
  findingsWithStatus,
  scanSubject,
  summarize,
} from '../engine/summary.ts'
import type { DutyStatus, Finding, ScanResult } from '../engine/types.ts'
import { joinChunks } from './_chunks.ts'
import { type FindingFilter, filterLabel, isOpen, selectFindings } from './_filter.ts'
import { dutyMatrix, oneCloud, scopeCountLabel, scopeRows, shortLabel } from './_scopes.ts'
import { safeText } from './_terminal.ts'
import { complianceMarkdownSection } from './compliance-markdown.ts'

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Most failing findings (and collection issues) listed; default 50. */
  maxFindings?: number
  /** Which findings are listed (`--severity`, `--status`); the tables count all. */
  filter?: FindingFilter
  /** Compliance views (`sphere scan --compliance`): a section per framework. */
  compliance?: readonly ComplianceView[]
}

/** Most scopes shown as columns of the duty table; more get a scopes × duties matrix. */
export const MD_SCOPE_COLUMNS = 4

const ICON: Record<DutyStatus, string> = { not_met: '❌', unknown: '❔', met: '✅', inherited: '☁️' }

/** Line breaks and tabs become one space; other controls and bidi overrides visible escapes. */
function oneLine(text: string): string {
  return safeText(text.replace(/[\t\n\r\u2028\u2029]+/g, ' '))
}

/**
 * Escapes untrusted text for inline Markdown and table cells: line breaks become spaces, other
 * control characters and bidi overrides visible escapes (`\x1b`, `\u202e`); HTML specials
 * become entities; the punctuation that makes emphasis, code, links, strikethrough or a cell
 * border is backslash-escaped; `@` cannot mention.
 */
export function mdEscape(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
}

const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`
/** A code span: no backticks inside, `|` escaped (GFM splits cells even inside code spans). */
const code = (id: string) => `\`${oneLine(id).replace(/`/g, '').replace(/\|/g, '\\|')}\``

function table(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)]
}

function resource(f: Finding): string {
  const { name, id } = f.resource
  return name && name !== id ? `${mdEscape(name)} (${code(id)})` : code(id)
}

function capped<T>(list: readonly T[], max: number, what: string): [readonly T[], string[]] {
  const more = list.length - max
  return more > 0
    ? [list.slice(0, max), ['', `…and ${more} more ${what} (see the full report)`]]
    : [list, []]
}

const STATUS_CELL = (st: DutyStatus | null) =>
  st === null ? '–' : `${ICON[st]} ${DUTY_STATUS_LABEL[st]}`

/** One row per scope: resources, duties by status, findings and issues (always every finding). */
function organisation(r: ScanResult): string[] {
  return [
    `**Organisation:** ${scopeCountLabel(r)}`,
    '',
    ...table(
      ['Scope', 'Resources', 'Not met', 'Unknown', 'Met', 'Fail', 'Error', 'Manual', 'Issues'],
      scopeRows(r).map((x) => [
        mdEscape(x.label),
        ...[x.resources, x.duties.not_met, x.duties.unknown, x.duties.met].map(String),
        ...[x.findings.fail, x.findings.error, x.findings.manual, x.issues].map(String),
      ]),
    ),
  ]
}

/** The duties, each scope's status as a column when there are few scopes, else a matrix below. */
function duties(r: ScanResult): string[] {
  const m = dutyMatrix(r)
  const columns = r.scopes.length > 1 && r.scopes.length <= MD_SCOPE_COLUMNS
  const rows = r.duties.map((d) => {
    const i = m.duties.indexOf(d)
    const provider = d.kind === 'provider'
    return [
      `${mdEscape(d.title)} (${code(d.id)})`,
      d.owner,
      STATUS_CELL(d.status),
      ...(columns ? m.scopes.map((_, j) => (provider ? '' : STATUS_CELL(m.cells[i]![j]!))) : []),
      ...(provider
        ? ['', '', '', '', '']
        : [d.counts.fail, d.counts.error, d.counts.manual, d.counts.muted, d.counts.pass].map(
            String,
          )),
    ]
  })
  const out = table(
    [
      'Duty',
      'Owner',
      r.scopes.length > 1 ? 'Organisation' : 'Status',
      ...(columns ? m.scopes.map((x) => mdEscape(x.short)) : []),
      'Fail',
      'Error',
      'Manual',
      'Muted',
      'Pass',
    ],
    rows,
  )
  if (columns || r.scopes.length <= 1) return out
  return [
    ...out,
    '',
    '**Duties per scope**',
    '',
    ...table(
      ['Scope', ...m.duties.map((d) => code(d.id))],
      m.scopes.map((x, j) => [
        mdEscape(x.short),
        ...m.duties.map((_, i) => STATUS_CELL(m.cells[i]![j]!)),
      ]),
    ),
  ]
}

/** Renders the result as Markdown, chunk by chunk. Pure: the same result gives the same text. */
export function* renderMarkdownChunks(
  r: ScanResult,
  opts: MarkdownOptions = {},
): Generator<string> {
  const max = Math.max(0, opts.maxFindings ?? 50)
  const s = summarize(r)
  const checks = checkIndex(r)
  const one = oneCloud(r)
  const out = [
    `## Sphere: ${mdEscape(scanSubject(r))}`,
    '',
    `**${s.duties.not_met} duties not met** · ${s.duties.unknown} unknown · ${s.duties.met} met · ${s.duties.inherited} inherited — ${n(s.findings.fail, 'failing finding')}, ${s.findings.muted} muted, ${n(s.issues, 'collection issue')}`,
    '',
    ...organisation(r),
    '',
    ...duties(r),
    ...complianceMarkdownSection(opts.compliance ?? []),
  ]
  const listed = selectFindings(r.findings, opts.filter)
  const fails = findingsWithStatus({ duties: r.duties, findings: listed }, 'fail')
  if (fails.length > 0) {
    const [shown, more] = capped(fails, max, 'failing findings')
    const filtered = isOpen(opts.filter) ? '' : ` (listed: ${mdEscape(filterLabel(opts.filter))})`
    out.push('', `### Failing findings (${fails.length})${filtered}`, '')
    out.push(
      ...table(
        ['Severity', 'Duty', 'Check', 'Resource', 'Scope', 'Message', 'Fix'],
        shown.map((f) => [
          f.severity,
          code(f.duty),
          code(f.checkId),
          resource(f),
          mdEscape(shortLabel(f.scope, one)),
          mdEscape(f.message) +
            (f.expiredMute
              ? ` (mute ${mdEscape(f.expiredMute.entry)} expired on ${mdEscape(f.expiredMute.expires ?? '')})`
              : ''),
          mdEscape((checks.get(f.checkId)?.remediation.text ?? '').split(/\r?\n/, 1)[0] ?? ''),
        ]),
      ),
      ...more,
    )
  }
  if (r.issues.length > 0) {
    const [shown, more] = capped(r.issues, max, 'collection issues')
    out.push('', `### Collection issues (${r.issues.length}): results are incomplete`, '')
    out.push(
      ...table(
        ['Scope', 'Service', 'Resource type', 'Region', 'Kind', 'Message'],
        shown.map((i) => [
          mdEscape(shortLabel(i.scope, one)),
          mdEscape(i.service),
          code(i.resourceType),
          mdEscape(i.region),
          mdEscape(i.errorKind),
          mdEscape(i.message),
        ]),
      ),
      ...more,
    )
  }
  if (r.notes.length > 0) {
    out.push('', '### Notes', '')
    for (const n of r.notes)
      out.push(
        `- **${n.level}** ${n.source ? `${mdEscape(n.source)}: ` : ''}${mdEscape(n.message)}`,
      )
  }
  out.push(
    '',
    `<sub>Sphere ${mdEscape(r.tool.version)} · model ${mdEscape(r.modelVersion)} · scanned ${mdEscape(r.scan.finishedAt)}</sub>`,
  )
  yield `${out.join('\n')}\n`
}

/** The Markdown report as one string. */
export function renderMarkdown(r: ScanResult, opts: MarkdownOptions = {}): string {
  return joinChunks(renderMarkdownChunks(r, opts))
}
