/**
 * Dashboard pages: the diff between two scans, the responsibility matrix, and a scan's
 * collection issues and notes.
 * @module
 */
import type { MatrixDocument } from '../responsibility/document.ts'
import type { ScanDiff } from '../store/diff.ts'
import { a, badge, h, page, type ScheduleState, scopeText, table } from './layout.ts'
import { findingRow } from './pages-findings.ts'

const HEAD = ['status', 'severity', 'check', 'resource', 'scope', 'message']

export function diffPage(
  d: ScanDiff,
  ids: { a: number; b: number },
  scans: { id: number; startedAt: string }[],
  stillFailing: number,
  schedule?: ScheduleState,
): string {
  const opts = (cur: number) =>
    scans
      .map(
        (s) =>
          `<option value="${s.id}"${s.id === cur ? ' selected' : ''}>#${s.id} ${h(s.startedAt.slice(0, 16))}</option>`,
      )
      .join('')
  const section = (id: string, title: string, rows: string[][], head = HEAD) =>
    `<h2 id="${id}">${h(title)} (${rows.length})</h2>${table(head, rows)}`
  return page(
    `Diff #${ids.a} → #${ids.b}`,
    `<form class="filters" method="get" action="/diff"><label>from<select name="a">${opts(ids.a)}</select></label><label>to<select name="b">${opts(ids.b)}</select></label><button type="submit">Compare</button></form>
<p id="diff-summary">${h(`${d.newFailures.length} new failures, ${d.fixed.length} fixed, ${stillFailing} still failing, ${d.changed.length} other status changes, ${d.duties.length} duty changes`)}</p>
${section(
  'new-failures',
  'New failures',
  d.newFailures.map((f) => findingRow(f, ids.b)),
)}
${section(
  'fixed',
  'Fixed',
  d.fixed.map((f) => findingRow(f, ids.b)),
)}
${section(
  'changed',
  'Status changes',
  d.changed.map((c) => [
    `${badge(c.from)} → ${badge(c.to)}`,
    ...findingRow(c.finding, ids.b).slice(1),
  ]),
  ['change', ...HEAD.slice(1)],
)}
${section(
  'duty-changes',
  'Duty changes',
  d.duties.map((c) => [
    h(c.id),
    h(c.scope ? scopeText(c.scope) : 'organisation'),
    badge(c.from ?? 'absent'),
    badge(c.to ?? 'absent'),
  ]),
  ['duty', 'where', 'from', 'to'],
)}
<h2>Still failing</h2><p>${h(stillFailing)} findings fail in both scans (${a('/findings', { scan: ids.b, status: 'fail' }, 'all fails of the newer scan')}).</p>`,
    { schedule },
  )
}

export function matrixPage(m: MatrixDocument, schedule?: ScheduleState): string {
  const layers = table(
    ['layer', ...m.models.map((x) => h(x.title))],
    [...m.layers]
      .reverse()
      .map((l) => [
        `<b>${h(l.title)}</b><br><span class="muted">${h(l.description)}</span>`,
        ...m.models.map((x) =>
          x.owners[l.id]
            ? `${badge(x.owners[l.id]!.owner)}<br><span class="muted">${h(x.owners[l.id]!.reason)}</span>`
            : '',
        ),
      ]),
  )
  const duties = table(
    ['duty', 'kind', 'layer', 'IaaS', 'PaaS', 'SaaS', 'checks'],
    m.duties.map((d) => [
      `<b>${h(d.title)}</b> <span class="muted">${h(d.id)}</span>`,
      h(d.kind),
      h(d.layer),
      badge(d.owner.iaas),
      badge(d.owner.paas),
      badge(d.owner.saas),
      d.checks.map((c) => a(`/checks/${encodeURIComponent(c)}`, {}, c)).join(', '),
    ]),
  )
  return page(
    'Responsibility matrix',
    `<p class="muted">Model version ${h(m.modelVersion)}.</p><h2>Layers × service models</h2><div id="matrix-layers">${layers}</div><h2>Duties</h2><div id="matrix-duties">${duties}</div>`,
    { schedule },
  )
}

export function issuesPage(
  scanId: number,
  data: {
    issues: {
      scope?: Parameters<typeof scopeText>[0]
      service: string
      resourceType: string
      region: string
      errorKind: string
      message: string
    }[]
    notes: {
      scope?: Parameters<typeof scopeText>[0]
      level: string
      code: string
      message: string
      source?: string
    }[]
  },
  schedule?: ScheduleState,
): string {
  return page(
    `Scan #${scanId}: collection issues and notes`,
    `<h2>Collection issues (${data.issues.length})</h2><p class="muted">What could not be read; its checks say error, never pass.</p>
<div id="issues">${table(
      ['scope', 'service', 'resource type', 'region', 'kind', 'message'],
      data.issues.map((i) => [
        h(scopeText(i.scope)),
        h(i.service),
        h(i.resourceType),
        h(i.region),
        h(i.errorKind),
        h(i.message),
      ]),
    )}</div>
<h2>Notes (${data.notes.length})</h2>${table(
      ['level', 'code', 'scope', 'message', 'source'],
      data.notes.map((n) => [
        h(n.level),
        h(n.code),
        h(scopeText(n.scope)),
        h(n.message),
        h(n.source ?? ''),
      ]),
    )}`,
    { schedule },
  )
}
