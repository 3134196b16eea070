/**
 * The dashboard's HTML: one page shell (navigation, stylesheet and script files, no inline
 * script or style) and the small pieces every page uses. Every cloud string goes through
 * {@link h}.
 * @module
 */
import type { ScopeRef } from '../inventory/scope.ts'
import { scopeLabel } from '../inventory/scope.ts'
import { escapeHtml, jsonForScript } from '../reports/_html-escape.ts'

/** Escapes text for HTML content and attributes. */
export const h = (text: string | number): string => escapeHtml(String(text))

/** A query string from parameters (empty ones left out), each value encoded. */
export function qs(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** A link with an escaped, encoded href (always a path on this server). */
export function a(
  path: string,
  params: Record<string, string | number | undefined>,
  text: string,
): string {
  return `<a href="${h(path + qs(params))}">${h(text)}</a>`
}

const NAV: [string, string][] = [
  ['/', 'Overview'],
  ['/trends', 'Trends'],
  ['/findings', 'Findings'],
  ['/diff', 'Diff'],
  ['/scans', 'Scans'],
  ['/matrix', 'Responsibility matrix'],
]

/** Last scheduled run, shown on every page when `--scan-every` is on. */
export interface ScheduleState {
  readonly every: string
  readonly running: boolean
  readonly last?: { startedAt: string; finishedAt: string; exitCode: number; message: string }
  readonly next?: string
}

function scheduleLine(s: ScheduleState | undefined): string {
  if (!s) return ''
  const last = s.last
    ? `last run ${h(s.last.startedAt)}: exit ${h(s.last.exitCode)}${s.last.message ? ` (${h(s.last.message)})` : ''}`
    : 'no run yet'
  return `<p class="schedule" id="schedule">Scheduled scans every ${h(s.every)}: ${s.running ? '<strong>running now</strong>; ' : ''}${last}${s.next ? `; next ${h(s.next)}` : ''}</p>`
}

/** A whole page; `data` goes into a JSON block the page's script reads. */
export function page(
  title: string,
  body: string,
  opts: { schedule?: ScheduleState; data?: unknown; scripts?: string[] } = {},
): string {
  const scripts = opts.scripts ?? []
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)} · Sphere</title>
<link rel="stylesheet" href="/static/dashboard.css">
${scripts.map((s) => `<script src="/static/${h(s)}" defer></script>`).join('\n')}
</head>
<body>
<header><span class="brand">Sphere</span><nav>${NAV.map(([p, t]) => `<a href="${p}">${h(t)}</a>`).join('')}</nav></header>
<main>
<h1>${h(title)}</h1>
${scheduleLine(opts.schedule)}
${body}
</main>
${opts.data === undefined ? '' : `<script type="application/json" id="page-data">${jsonForScript(opts.data)}</script>`}
</body>
</html>
`
}

/** A scope as one line. */
export const scopeText = (s: ScopeRef | undefined) => (s ? scopeLabel(s) : '')

/** A status as a coloured badge. */
export const badge = (status: string) =>
  `<span class="badge st-${h(status)}">${h(status.replace('_', ' '))}</span>`

/** A table from header cells and rows of already-escaped cells. */
export function table(head: string[], rows: string[][], cls = ''): string {
  if (rows.length === 0) return '<p class="empty">None.</p>'
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((x) => `<td>${x}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}
