/**
 * The compliance view as terminal text: per domain, each criterion with owner, status and why;
 * the checks with their pass / fail counts, the failing resources (a few, then how many more),
 * the evidence the customer must bring, the attestations that cover the provider part. Cloud
 * text (resource names, messages) goes through `safeText`.
 * @module
 */

import type { ComplianceView, CriterionResult, CriterionStatus } from '../compliance/evaluate.ts'
import { paint, type Style, safeText } from './_terminal.ts'

/** Options of {@link renderComplianceText}. */
export interface ComplianceTextOptions {
  color?: boolean
  /** Failing resources listed per criterion (default 10). */
  maxFailing?: number
}

const LABEL: Record<CriterionStatus, [string, Style]> = {
  not_met: ['NOT MET', 'red'],
  unknown: ['UNKNOWN', 'yellow'],
  manual: ['MANUAL', 'magenta'],
  met: ['MET', 'green'],
  inherited: ['INHERITED', 'blue'],
}

/** `5 not met, 2 unknown, …` with zero counts left out. */
export function countsText(counts: Record<CriterionStatus, number>): string {
  return (Object.keys(LABEL) as CriterionStatus[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${LABEL[s][0].toLowerCase()}`)
    .join(', ')
}

function criterionLines(c: CriterionResult, v: ComplianceView, o: Required<ComplianceTextOptions>) {
  const [label, style] = LABEL[c.status]
  const out = [
    `  ${c.id.padEnd(7)} ${c.owner.padEnd(8)} ${paint(style, label.padEnd(9), o.color)} ${c.title}`,
  ]
  const more = (k: string, text: string) =>
    out.push(`          ${paint('dim', `${k}:`, o.color)} ${text}`)
  more('why', c.reason)
  if (c.customerPart) more('customer part', c.customerPart)
  if (c.checks.length > 0)
    more(
      'checks',
      c.checks
        .map((t) =>
          t.ran
            ? `${t.id} ${t.pass} pass / ${t.fail} fail${t.error ? ` / ${t.error} error` : ''}${t.manual ? ` / ${t.manual} manual` : ''}`
            : `${t.id} not run`,
        )
        .join('; '),
    )
  for (const f of c.failing.slice(0, o.maxFailing))
    more('failing', safeText(`${f.scope.projectName}/${f.scope.region}: ${f.message}`))
  if (c.failing.length > o.maxFailing)
    more('failing', `… and ${c.failing.length - o.maxFailing} more (--format json lists every one)`)
  if (c.manualEvidence) more('bring', c.manualEvidence)
  if (c.attestations.length > 0 && c.status === 'inherited')
    more(
      'attestation',
      c.attestations.map((a) => v.attestations.find((x) => x.id === a)?.title ?? a).join('; '),
    )
  if (c.analogue.length > 0) more('your analogue', c.analogue.join(', '))
  return out
}

/** Renders the view as text. */
export function renderComplianceText(v: ComplianceView, opts: ComplianceTextOptions = {}): string {
  const o = { color: opts.color ?? false, maxFailing: opts.maxFailing ?? 10 }
  const fw = v.framework
  const lines = [
    paint(
      'bold',
      `${fw.name} (${fw.title}${fw.name.includes(fw.version) ? '' : `, ${fw.version}`}): ${v.model} view`,
      o.color,
    ),
    `Scan: ${safeText(v.source.subject)}, evaluated ${v.source.evaluatedAt}`,
    `Summary: ${v.criteria.length} ${fw.unit === 'criterion' ? 'criteria' : `${fw.unit}s`}: ${countsText(v.counts)}`,
    '',
  ]
  for (const d of v.domains) {
    lines.push(`${paint('bold', `${d.id}  ${d.title}`, o.color)}  (${countsText(d.counts)})`)
    for (const c of v.criteria) if (c.domain === d.id) lines.push(...criterionLines(c, v, o))
    lines.push('')
  }
  lines.push(
    'Inherited: the provider answers for it; point the auditor to the attestation named. Manual: no',
    'check can show it; bring the evidence named. Verify the attestations on the provider\u2019s own',
    'certifications page (scope, validity, report period).',
  )
  return `${lines.join('\n')}\n`
}

/** The section of a scan's text report: per framework, the counts and what is not met or unknown. */
export function complianceTextSection(views: readonly ComplianceView[], color: boolean): string[] {
  const out: string[] = []
  for (const v of views) {
    out.push(
      '',
      paint(
        'bold',
        `Compliance: ${v.framework.name} (${v.model} view): ${countsText(v.counts)}`,
        color,
      ),
    )
    for (const c of v.criteria)
      if (c.status === 'not_met' || c.status === 'unknown') {
        const [label, style] = LABEL[c.status]
        out.push(
          `  ${c.id.padEnd(7)} ${paint(style, label.padEnd(8), color)} ${c.title}: ${safeText(c.reason)}`,
        )
      }
  }
  if (views.length > 0)
    out.push('  (sphere compliance --scan REPORT.json --framework ID shows every criterion)')
  return out
}
