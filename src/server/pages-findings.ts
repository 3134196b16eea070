/**
 * Dashboard pages: the findings browser (filters, sorting and paging done by the store), a
 * resource with every finding and its history, a check with its rationale and remediation.
 * @module
 */
import { SEVERITIES } from '../checks/define.ts'
import type { CheckInfo } from '../engine/types.ts'
import { FINDING_STATUSES } from '../engine/types.ts'
import type { FindingQuery } from '../store/queries.ts'
import type { StoredFinding } from '../store/read.ts'
import { a, badge, h, page, qs, type ScheduleState, scopeText, table } from './layout.ts'

function select(
  name: string,
  values: readonly string[],
  current: string | undefined,
  labels?: Map<string, string>,
): string {
  return `<label>${h(name)}<select name="${h(name)}"><option value="">all</option>${values
    .map(
      (v) =>
        `<option value="${h(v)}"${v === current ? ' selected' : ''}>${h(labels?.get(v) ?? v)}</option>`,
    )
    .join('')}</select></label>`
}

/** A finding as a table row (links to its resource and check). */
export function findingRow(f: StoredFinding, scanId: number): string[] {
  return [
    badge(f.status),
    h(f.severity),
    a(`/checks/${encodeURIComponent(f.checkId)}`, {}, f.checkId),
    a(
      '/resource',
      { scan: scanId, type: f.resource.type, id: f.resource.id },
      f.resource.name || f.resource.id,
    ),
    h(scopeText(f.scope)),
    h(f.message),
  ]
}

export interface FindingsView {
  readonly q: FindingQuery
  readonly total: number
  readonly findings: StoredFinding[]
  readonly scans: { id: number; startedAt: string }[]
  readonly values: { checks: string[]; duties: string[]; services: string[] }
  readonly scopes: { id: number; label: string }[]
}

export function findingsPage(v: FindingsView, schedule?: ScheduleState): string {
  const { q } = v
  const size = q.size ?? 50
  const pages = Math.max(1, Math.ceil(v.total / size))
  const params = {
    scan: q.scanId,
    status: q.status,
    severity: q.severity,
    duty: q.duty,
    check: q.check,
    service: q.service,
    scope: q.scopeId,
    q: q.text,
    sort: q.sort,
  }
  const scopeLabels = new Map(v.scopes.map((s) => [String(s.id), s.label]))
  const form = `<form class="filters" method="get" action="/findings" id="filters">
${select(
  'scan',
  v.scans.map((s) => String(s.id)),
  String(q.scanId),
  new Map(v.scans.map((s) => [String(s.id), `#${s.id} ${s.startedAt.slice(0, 16)}`])),
)}
${select('status', FINDING_STATUSES, q.status)}${select('severity', SEVERITIES, q.severity)}
${select('duty', v.values.duties, q.duty)}${select('check', v.values.checks, q.check)}${select('service', v.values.services, q.service)}
${select(
  'scope',
  v.scopes.map((s) => String(s.id)),
  q.scopeId === undefined ? undefined : String(q.scopeId),
  scopeLabels,
)}
<label>text<input type="search" name="q" value="${h(q.text ?? '')}"></label>
${select('sort', ['severity', 'status', 'check', 'resource'], q.sort)}
<button type="submit">Filter</button></form>`
  const page_ = q.page ?? 1
  const pager = `<div class="pager"><span id="total">${h(v.total)} findings</span>${page_ > 1 ? `<a href="${h(`/findings${qs({ ...params, page: page_ - 1 })}`)}" rel="prev">previous</a>` : ''}<span>page ${h(page_)} of ${h(pages)}</span>${page_ < pages ? `<a href="${h(`/findings${qs({ ...params, page: page_ + 1 })}`)}" rel="next">next</a>` : ''}</div>`
  return page(
    'Findings',
    `${form}${pager}<div id="findings">${table(
      ['status', 'severity', 'check', 'resource', 'scope', 'message'],
      v.findings.map((f) => findingRow(f, q.scanId)),
    )}</div>${pager}`,
    { schedule },
  )
}

export function resourcePage(
  scanId: number,
  type: string,
  id: string,
  findings: StoredFinding[],
  history: Map<string, { scanId: number; startedAt: string; status: string }[]>,
  schedule?: ScheduleState,
): string {
  const first = findings[0]
  const title = first ? `${type} ${first.resource.name || id}` : `${type} ${id}`
  const rows = findings.map((f) => [
    ...findingRow(f, scanId),
    (history.get(f.fingerprint) ?? [])
      .map(
        (x) => `<span title="${h(`scan #${x.scanId} ${x.startedAt}`)}">${badge(x.status)}</span>`,
      )
      .join(' '),
  ])
  return page(
    title,
    `<p class="muted">Resource id <code>${h(id)}</code>${first ? ` in ${h(scopeText(first.scope))}, region ${h(first.resource.region)}` : ''}; findings of scan #${h(scanId)}, history oldest first.</p>
<div id="resource-findings">${table(['status', 'severity', 'check', 'resource', 'scope', 'message', 'history'], rows)}</div>`,
    { schedule },
  )
}

export function checkPage(
  c: CheckInfo,
  counts: Record<string, number>,
  schedule?: ScheduleState,
): string {
  const refs = c.references.map((r) =>
    /^https:\/\//.test(r) ? `<a href="${h(r)}" rel="noreferrer">${h(r)}</a>` : h(r),
  )
  return page(
    `${c.id}: ${c.title}`,
    `<p>${badge(c.severity)} duty ${a('/findings', { duty: c.duty }, c.duty)} · service ${h(c.service)} · resource type ${h(c.resourceType)}</p>
<h2>Why</h2><p id="rationale">${h(c.rationale)}</p>
<h2>Remediation</h2><p>${h(c.remediation.text)}</p>
${c.remediation.cli ? `<pre>${h(c.remediation.cli)}</pre>` : ''}${c.remediation.terraform ? `<pre>${h(c.remediation.terraform)}</pre>` : ''}
<h2>References</h2><ul>${refs.map((r) => `<li>${r}</li>`).join('')}</ul>
<h2>Newest scan</h2><p>${
      Object.entries(counts)
        .map(([s, n]) => `${a('/findings', { check: c.id, status: s }, s)}: ${h(n)}`)
        .join(' · ') || 'no findings'
    }</p>`,
    { schedule },
  )
}
