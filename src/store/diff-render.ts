/**
 * `sphere diff` output: text for people, JSON for tools (keys `newFailures`, `fixed`,
 * `stillFailing`, `changed`, `duties`; each finding as in the JSON report), Markdown for pull
 * requests and job summaries. Cloud strings are made safe for each medium.
 * @module
 */
import { scopeLabel } from '../inventory/scope.ts'
import { safeText } from '../reports/_terminal.ts'
import { mdEscape } from '../reports/markdown.ts'
import type { DutyChange, ScanDiff } from './diff.ts'
import type { StoredFinding } from './read.ts'

/** Output formats of `sphere diff`. */
export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]

/** Findings listed per section in text and Markdown (JSON lists all). */
const LISTED = 50

const where = (f: StoredFinding) =>
  `${f.resource.type} ${f.resource.name || f.resource.id} (${f.resource.id}) in ${scopeLabel(f.scope)}`

const dutyWhere = (d: DutyChange) => (d.scope ? scopeLabel(d.scope) : 'organisation')
const status = (s: string | null) => s ?? 'absent'

/** The diff as JSON (one document, two-space indent). */
export function renderDiffJson(d: ScanDiff): string {
  return `${JSON.stringify(
    {
      from: d.from,
      to: d.to,
      counts: {
        newFailures: d.newFailures.length,
        fixed: d.fixed.length,
        stillFailing: d.stillFailing.length,
        changed: d.changed.length,
        duties: d.duties.length,
      },
      newFailures: d.newFailures,
      fixed: d.fixed,
      stillFailing: d.stillFailing,
      changed: d.changed.map((c) => ({ from: c.from, to: c.to, ...c.finding })),
      duties: d.duties,
    },
    null,
    2,
  )}\n`
}

function summaryLine(d: ScanDiff): string {
  return `${d.newFailures.length} new failures, ${d.fixed.length} fixed, ${d.stillFailing.length} still failing, ${d.changed.length} other status changes, ${d.duties.length} duty changes`
}

/** The diff for a terminal: every new failure, fix, change and duty change; still failing counted. */
export function renderDiffText(d: ScanDiff): string {
  const out = [
    `Diff ${safeText(d.from.label)} (${d.from.startedAt}) → ${safeText(d.to.label)} (${d.to.startedAt})`,
    summaryLine(d),
  ]
  const list = (title: string, items: StoredFinding[], prefix = () => '') => {
    if (items.length === 0) return
    out.push('', `${title} (${items.length}):`)
    for (const f of items.slice(0, LISTED))
      out.push(
        `  ${prefix()}${f.severity.padEnd(8)} ${f.checkId}  ${safeText(where(f))}`,
        `      ${safeText(f.message)}`,
      )
    if (items.length > LISTED)
      out.push(`  … and ${items.length - LISTED} more (--format json lists all)`)
  }
  list('New failures', [...d.newFailures])
  list('Fixed', [...d.fixed])
  if (d.changed.length > 0) {
    out.push('', `Status changes (${d.changed.length}):`)
    for (const c of d.changed.slice(0, LISTED))
      out.push(`  ${c.from} → ${c.to}  ${c.finding.checkId}  ${safeText(where(c.finding))}`)
    if (d.changed.length > LISTED) out.push(`  … and ${d.changed.length - LISTED} more`)
  }
  if (d.duties.length > 0) {
    out.push('', `Duty changes (${d.duties.length}):`)
    for (const c of d.duties)
      out.push(`  ${c.id}  ${safeText(dutyWhere(c))}: ${status(c.from)} → ${status(c.to)}`)
  }
  out.push('', `Still failing: ${d.stillFailing.length}`)
  return `${out.join('\n')}\n`
}

/** The diff as GitHub-flavoured Markdown. */
export function renderDiffMarkdown(d: ScanDiff): string {
  const out = [
    `## Sphere diff: ${mdEscape(d.from.label)} → ${mdEscape(d.to.label)}`,
    '',
    `${d.from.startedAt} → ${d.to.startedAt}: ${summaryLine(d)}.`,
  ]
  const table = (title: string, items: readonly StoredFinding[]) => {
    if (items.length === 0) return
    out.push(
      '',
      `### ${title} (${items.length})`,
      '',
      '| severity | check | resource | scope | message |',
      '|---|---|---|---|---|',
    )
    for (const f of items.slice(0, LISTED))
      out.push(
        `| ${f.severity} | ${mdEscape(f.checkId)} | ${mdEscape(`${f.resource.type} ${f.resource.name || f.resource.id}`)} | ${mdEscape(scopeLabel(f.scope))} | ${mdEscape(f.message)} |`,
      )
    if (items.length > LISTED) out.push('', `… and ${items.length - LISTED} more.`)
  }
  table('New failures', d.newFailures)
  table('Fixed', d.fixed)
  if (d.changed.length > 0) {
    out.push(
      '',
      `### Status changes (${d.changed.length})`,
      '',
      '| from | to | check | resource |',
      '|---|---|---|---|',
    )
    for (const c of d.changed.slice(0, LISTED))
      out.push(
        `| ${c.from} | ${c.to} | ${mdEscape(c.finding.checkId)} | ${mdEscape(where(c.finding))} |`,
      )
  }
  if (d.duties.length > 0) {
    out.push(
      '',
      `### Duty changes (${d.duties.length})`,
      '',
      '| duty | where | from | to |',
      '|---|---|---|---|',
    )
    for (const c of d.duties)
      out.push(
        `| ${mdEscape(c.id)} | ${mdEscape(dutyWhere(c))} | ${status(c.from)} | ${status(c.to)} |`,
      )
  }
  out.push('', `Still failing: ${d.stillFailing.length}.`)
  return `${out.join('\n')}\n`
}

/** The diff in `format`. */
export function renderDiff(d: ScanDiff, format: DiffFormat): string {
  return format === 'json'
    ? renderDiffJson(d)
    : format === 'markdown'
      ? renderDiffMarkdown(d)
      : renderDiffText(d)
}
