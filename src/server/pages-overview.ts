/**
 * Dashboard pages: the organisation overview (scopes × duties heat map, fails by severity, the
 * layers × models picture), trends over scans, and the list of scans.
 * @module
 */
import { SEVERITIES } from '../checks/define.ts'
import { MODEL_IDS } from '../responsibility/schema.ts'
import type { Overview, TrendPoint } from '../store/queries.ts'
import type { ScanRow } from '../store/read.ts'
import { a, badge, h, page, type ScheduleState, scopeText, table } from './layout.ts'

export function overviewPage(o: Overview, schedule?: ScheduleState): string {
  if (o.scopes.length === 0)
    return page(
      'Overview',
      '<p class="empty" id="no-scans">No scans stored yet: run <code>sphere scan --store</code>.</p>',
      { schedule },
    )
  const counts = SEVERITIES.map(
    (s) =>
      `<div class="count sev-${s}" data-severity="${s}"><b>${h(o.failsBySeverity[s] ?? 0)}</b>${h(s)} fails</div>`,
  ).join('')
  const heat = table(
    ['scope', 'scan', ...o.duties.map((d) => a('/findings', { duty: d, status: 'fail' }, d))],
    o.scopes.map((s) => [
      a('/findings', { scope: s.scopeId, scan: s.scanId }, scopeText(s.scope)),
      a('/findings', { scan: s.scanId }, `#${s.scanId}`),
      ...o.duties.map((d) => {
        const st = s.duties[d]
        return st
          ? `<span class="cell-status" title="${h(st)}">${badge(st)}</span>`
          : '<span class="muted">—</span>'
      }),
    ]),
    'heat',
  ).replace(
    /<td><span class="cell-status" title="([a-z_]+)">/g,
    '<td class="cell st-$1"><span class="cell-status" title="$1">',
  )
  const layers = table(
    ['layer', ...MODEL_IDS],
    [...o.layers]
      .reverse()
      .map((l) => [
        h(l.title),
        ...MODEL_IDS.map((m) =>
          l.owners[m] ? badge(l.owners[m]) : '<span class="muted">—</span>',
        ),
      ]),
  )
  return page(
    'Overview',
    `<p class="muted">Each scope as its newest scan saw it${o.lastScan ? `; newest scan #${h(o.lastScan.id)} started ${h(o.lastScan.startedAt)}` : ''}.</p>
<h2>Failing findings by severity</h2><div class="counts" id="severity-counts">${counts}</div>
<h2>Scopes × duties</h2><div id="heatmap">${heat}</div>
<h2>Layers × service models (newest scan)</h2><div id="layers">${layers}</div>`,
    { schedule },
  )
}

export function trendsPage(
  points: TrendPoint[],
  scopes: { id: number; label: string }[],
  scopeId: number | undefined,
  schedule?: ScheduleState,
): string {
  const options = [
    `<option value="">organisation</option>`,
    ...scopes.map(
      (s) => `<option value="${s.id}"${s.id === scopeId ? ' selected' : ''}>${h(s.label)}</option>`,
    ),
  ]
  return page(
    'Trends',
    `<form class="filters" method="get" action="/trends"><label>scope<select name="scope">${options.join('')}</select></label><button type="submit">Show</button></form>
<h2>Duties met and not met</h2><div class="chart-box"><canvas id="chart-duties" aria-label="duties per scan"></canvas></div>
<h2>Failing findings by severity</h2><div class="chart-box"><canvas id="chart-fails" aria-label="fails by severity per scan"></canvas></div>
${table(
  ['scan', 'started', 'duties met', 'not met', ...SEVERITIES],
  points.map((p) => [
    a('/findings', { scan: p.scanId }, `#${p.scanId}`),
    h(p.startedAt),
    h(p.dutiesMet),
    h(p.dutiesNotMet),
    ...SEVERITIES.map((s) => h(p.fails[s] ?? 0)),
  ]),
)}`,
    { schedule, data: points, scripts: ['chart.umd.js', 'trends.js'] },
  )
}

export function scansPage(scans: ScanRow[], schedule?: ScheduleState): string {
  const rows = [...scans]
    .reverse()
    .map((s) => [
      a('/findings', { scan: s.id }, `#${s.id}`),
      h(s.startedAt),
      h(s.scopes.map(scopeText).join(', ')),
      h(`${s.summary.duties.met}/${s.summary.duties.not_met}/${s.summary.duties.unknown}`),
      h(SEVERITIES.map((x) => s.summary.failsBySeverity[x]).join('/')),
      s.summary.issues > 0
        ? a(`/scans/${s.id}/issues`, {}, `${s.summary.issues} issues`)
        : a(`/scans/${s.id}/issues`, {}, 'notes'),
    ])
  return page(
    'Scans',
    table(
      [
        'scan',
        'started',
        'scopes',
        'duties met/not met/unknown',
        'fails crit/high/med/low/info',
        'collection',
      ],
      rows,
    ),
    { schedule },
  )
}
