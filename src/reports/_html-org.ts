/**
 * The HTML report's overview, rendered ahead of time (small whatever the scan's size): the chart
 * canvases (drawn by the script from the data block), the organisation (one row per scope and the
 * scopes × duties matrix) and the breakdown per service. Tables with `class="sortable"` sort by
 * any column in the browser. Every value goes through {@link escapeHtml}.
 * @module
 */
import { DUTY_STATUS_LABEL } from '../engine/summary.ts'
import {
  type DutyStatus,
  emptyCounts,
  FINDING_STATUSES,
  type ScanResult,
  type StatusCounts,
} from '../engine/types.ts'
import { scopeKey } from '../inventory/scope.ts'
import { escapeHtml as e } from './_html-escape.ts'
import { dutyMatrix, scopeCountLabel, scopeRows } from './_scopes.ts'

const SYMBOL: Record<DutyStatus, string> = { not_met: '✗', unknown: '?', met: '✓', inherited: '~' }
const num = (n: number) => `<td class="num" data-v="${n}">${n}</td>`
const th = (label: string, type: 'num' | 'text' = 'text') =>
  `<th${type === 'num' ? ' class="num"' : ''}><button type="button" class="sort" data-type="${type}">${e(label)}</button></th>`
const STATUS_HEADS = ['Fail', 'Error', 'Manual', 'Muted', 'Pass', 'N/A']

/** The four chart canvases. */
export function chartsHtml(): string {
  const chart = (id: string, title: string) =>
    `<figure class="chart"><figcaption>${e(title)}</figcaption><div class="canvas"><canvas id="${id}" role="img" aria-label="${e(title)}"></canvas></div></figure>`
  return `<section id="charts"><h2>At a glance</h2>
<div class="charts">
${chart('chart-duties', 'Duties by status')}
${chart('chart-severity', 'Failing findings by severity')}
${chart('chart-service', 'Failing findings by service')}
${chart('chart-scope', 'Failing findings by scope')}
</div>
<p class="muted small">Click a bar to list its failing findings. Charts count every finding of the scan.</p>
</section>`
}

/** One row per scope and the scopes × customer duties matrix. */
export function organisationHtml(r: ScanResult): string {
  const rows = scopeRows(r).map(
    (x) =>
      `<tr><td>${e(x.label)}<div class="rid">${e(x.scope.kind)} · ${e(x.scope.projectId)}</div></td>${num(x.resources)}${num(x.duties.not_met)}${num(x.duties.unknown)}${num(x.duties.met)}${[...FINDING_STATUSES].map((s) => num(x.findings[s])).join('')}${num(x.issues)}<td><button type="button" class="show-scope" data-scope="${e(scopeKey(x.scope))}">findings</button></td></tr>`,
  )
  const m = dutyMatrix(r)
  const matrix = m.scopes.map(
    (x, j) =>
      `<tr><td>${e(x.short)}</td>${m.duties
        .map((d, i) => {
          const st = m.cells[i]![j]!
          return st === null
            ? '<td class="cell st-none" title="not in this scope">·</td>'
            : `<td class="cell st-${st}" title="${e(`${d.id}: ${DUTY_STATUS_LABEL[st]}`)}">${SYMBOL[st]}</td>`
        })
        .join('')}</tr>`,
  )
  return `<section id="organisation"><h2>Organisation: ${e(scopeCountLabel(r))}</h2>
<div class="scroll"><table class="sortable" id="by-scope"><thead><tr>${th('Scope')}${th('Resources', 'num')}${th('Not met', 'num')}${th('Unknown', 'num')}${th('Met', 'num')}${STATUS_HEADS.map((h) => th(h, 'num')).join('')}${th('Issues', 'num')}<th></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
<h3>Duties per scope</h3>
<div class="scroll"><table class="matrix" id="scope-duties"><thead><tr><th>Scope</th>${m.duties.map((d) => `<th class="rot"><span>${e(d.id)}</span></th>`).join('')}</tr></thead>
<tbody>${matrix.join('\n')}</tbody></table></div>
<div class="legend"><span class="badge st-not_met">✗ not met</span> <span class="badge st-unknown">? unknown</span> <span class="badge st-met">✓ met</span> <span class="badge st-none">· not in this scope</span></div>
</section>`
}

/** Findings by service: counts by status and resources with findings (over every finding). */
export function servicesHtml(r: ScanResult): string {
  const by = new Map<string, { counts: StatusCounts; resources: Set<string> }>()
  for (const f of r.findings) {
    let s = by.get(f.service)
    if (!s) {
      s = { counts: emptyCounts(), resources: new Set() }
      by.set(f.service, s)
    }
    s.counts[f.status]++
    s.resources.add(`${scopeKey(f.scope)}\u0000${f.resource.type}\u0000${f.resource.id}`)
  }
  const rows = [...by]
    .sort((a, b) => b[1].counts.fail - a[1].counts.fail || (a[0] < b[0] ? -1 : 1))
    .map(
      ([service, s]) =>
        `<tr><td>${e(service)}</td>${num(s.resources.size)}${[...FINDING_STATUSES].map((x) => num(s.counts[x])).join('')}<td><button type="button" class="show-service" data-service="${e(service)}">findings</button></td></tr>`,
    )
  return `<section id="services"><h2>By service</h2>
<div class="scroll"><table class="sortable" id="by-service"><thead><tr>${th('Service')}${th('Resources', 'num')}${STATUS_HEADS.map((h) => th(h, 'num')).join('')}<th></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`
}
