/**
 * The compliance view as Markdown: the whole view (`sphere compliance --format markdown`), one
 * table per domain, and the short section a scan report carries (`sphere scan --compliance`):
 * counts per domain and the criteria not met. Cloud text goes through `mdEscape`.
 * @module
 */
import type { ComplianceView, CriterionResult, CriterionStatus } from '../compliance/evaluate.ts'
import { countsText } from './compliance-text.ts'
import { mdEscape } from './markdown.ts'

const ICON: Record<CriterionStatus, string> = {
  not_met: '❌ not met',
  unknown: '❔ unknown',
  manual: '✍️ manual',
  met: '✅ met',
  inherited: '☁️ inherited',
}

function table(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)]
}

function evidence(c: CriterionResult, v: ComplianceView, maxFailing: number): string {
  const parts: string[] = []
  if (c.checks.length > 0)
    parts.push(
      c.checks
        .map((t) => `\`${t.id}\` ${t.pass}✓ ${t.fail}✗${t.error ? ` ${t.error}!` : ''}`)
        .join(', '),
    )
  if (c.failing.length > 0) {
    const names = c.failing
      .slice(0, maxFailing)
      .map((f) => mdEscape(f.resource.name || f.resource.id))
    parts.push(
      `failing: ${names.join(', ')}${c.failing.length > maxFailing ? ` …and ${c.failing.length - maxFailing} more` : ''}`,
    )
  }
  if (c.manualEvidence) parts.push(`bring: ${mdEscape(c.manualEvidence)}`)
  if (c.status === 'inherited')
    parts.push(
      c.attestations
        .map((a) => mdEscape(v.attestations.find((x) => x.id === a)?.title ?? a))
        .join('; '),
    )
  return parts.join('<br>') || '–'
}

/** The whole view as Markdown. */
export function renderComplianceMarkdown(
  v: ComplianceView,
  opts: { maxFailing?: number } = {},
): string {
  const max = opts.maxFailing ?? 10
  const fw = v.framework
  const out = [
    `## ${mdEscape(fw.name)} (${mdEscape(fw.title)}): ${v.model} view`,
    '',
    `Scan: ${mdEscape(v.source.subject)}, evaluated ${mdEscape(v.source.evaluatedAt)}. **${v.criteria.length} ${fw.unit === 'criterion' ? 'criteria' : `${fw.unit}s`}:** ${countsText(v.counts)}.`,
    '',
    ...table(
      [
        'Domain',
        ...(['not_met', 'unknown', 'manual', 'met', 'inherited'] as const).map((s) => ICON[s]),
      ],
      v.domains.map((d) => [
        `${d.id} ${mdEscape(d.title)}`,
        ...(['not_met', 'unknown', 'manual', 'met', 'inherited'] as const).map((s) =>
          String(d.counts[s]),
        ),
      ]),
    ),
  ]
  for (const d of v.domains) {
    out.push('', `### ${d.id} ${mdEscape(d.title)}`, '')
    out.push(
      ...table(
        ['Id', 'Title', 'Owner', 'Status', 'Why', 'Evidence'],
        v.criteria
          .filter((c) => c.domain === d.id)
          .map((c) => [
            c.id,
            mdEscape(c.title),
            c.owner,
            ICON[c.status],
            mdEscape(c.reason),
            evidence(c, v, max),
          ]),
      ),
    )
  }
  return `${out.join('\n')}\n`
}

/** The section of a scan's Markdown report: per framework, domain counts and what is not met. */
export function complianceMarkdownSection(views: readonly ComplianceView[]): string[] {
  const out: string[] = []
  for (const v of views) {
    out.push(
      '',
      `### Compliance: ${mdEscape(v.framework.name)} (${v.model} view)`,
      '',
      `${countsText(v.counts)}.`,
      '',
    )
    const open = v.criteria.filter((c) => c.status === 'not_met' || c.status === 'unknown')
    out.push(
      ...table(
        ['Id', 'Title', 'Status', 'Why'],
        open.map((c) => [c.id, mdEscape(c.title), ICON[c.status], mdEscape(c.reason)]),
      ),
    )
  }
  return out
}
