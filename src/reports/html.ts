/**
 * The HTML report for people: one self-contained file that works offline. Charts (duties by
 * status, failing findings by severity, service and scope) drawn by Chart.js, bundled into the
 * file; the organisation (scopes and the scopes × duties matrix) and a breakdown per service; the
 * sphere picture and duties; the findings as a list (sortable columns) or grouped by check, with
 * filters kept in the URL's fragment so that a view can be shared as a link. Findings are
 * embedded as compact JSON data (streamed, never built as one string) and rendered a page at a
 * time by the report's script. A Content-Security-Policy allows only this file's style and its
 * two scripts (by hash) and no network access, as a second line of defence behind the escaping.
 * @module
 */
import { createHash } from 'node:crypto'
import type { ComplianceView } from '../compliance/evaluate.ts'
import { scanSubject } from '../engine/summary.ts'
import type { ScanResult } from '../engine/types.ts'
import { chartJs } from './_chartjs.ts'
import { joinChunks } from './_chunks.ts'
import type { FindingFilter } from './_filter.ts'
import { htmlDataChunks } from './_html-data.ts'
import { escapeHtml } from './_html-escape.ts'
import { chartsHtml, organisationHtml, servicesHtml } from './_html-org.ts'
import { HTML_SCRIPT } from './_html-script.ts'
import { dutiesHtml, headerHtml, issuesHtml, sphereHtml } from './_html-sections.ts'
import { HTML_STYLE } from './_html-style.ts'
import { complianceHtmlSection } from './compliance-html.ts'

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Findings (and resources) per page; default 100. */
  pageSize?: number
  /** Which findings the report lists (`--severity`, `--status`); charts and tables count all. */
  filter?: FindingFilter
  /** Compliance views (`sphere scan --compliance`): a section per framework. */
  compliance?: readonly ComplianceView[]
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

const sortable = (label: string, key: string) =>
  `<th aria-sort="none"><button type="button" class="sort" data-key="${key}">${label}</button></th>`

const FINDINGS = `<section id="findings"><h2>Findings</h2>
<p id="f-listed" class="notice" hidden></p>
<div class="filters">
<div class="views" role="group" aria-label="View"><button type="button" id="view-list" aria-pressed="true">List</button><button type="button" id="view-check" aria-pressed="false">By check</button></div>
<label>Duty<select id="f-duty"><option value="">all duties</option></select></label>
<label>Severity<select id="f-severity"><option value="">all severities</option></select></label>
<label>Status<select id="f-status"><option value="">all statuses</option></select></label>
<label>Service<select id="f-service"><option value="">all services</option></select></label>
<label>Scope<select id="f-scope"><option value="">all scopes</option></select></label>
<label>Search<input id="f-q" type="search" placeholder="resource, check or message"></label>
<button type="button" id="f-reset">Reset</button>
</div>
<p class="muted small">The address of this page keeps the view and its filters: copy it to share this view.</p>
<div id="list-view"><table id="findings-table"><thead><tr>${sortable('Status', 'status')}${sortable('Severity', 'severity')}${sortable('Duty', 'duty')}${sortable('Check', 'check')}${sortable('Resource', 'resource')}${sortable('Scope', 'scope')}${sortable('Message', 'message')}<th></th></tr></thead>
<tbody id="findings-body"></tbody></table></div>
<div id="check-view" hidden><table id="checks-table"><thead><tr>${sortable('Severity', 'severity')}${sortable('Check', 'check')}${sortable('Duty', 'duty')}${sortable('Findings', 'count')}<th>By status</th><th></th></tr></thead>
<tbody id="checks-body"></tbody></table></div>
<div class="pager"><button type="button" id="f-prev">Previous</button><span id="f-info"></span><button type="button" id="f-next">Next</button></div>
<noscript><p>The findings table needs JavaScript; the same data is in the JSON, CSV and SARIF reports.</p></noscript>
</section>`

const RESOURCES = (
  statuses: readonly string[],
) => `<section id="resources"><details id="resources-details"><summary><h2>Resources</h2></summary>
<div class="filters"><label>Search<input id="r-q" type="search" placeholder="name, id or type"></label></div>
<table><thead><tr><th>Name</th><th>Id</th><th>Type</th><th>Region</th>${statuses.map((s) => `<th class="num">${escapeHtml(s.replace('_', ' '))}</th>`).join('')}</tr></thead>
<tbody id="resources-body"></tbody></table>
<div class="pager"><button type="button" id="r-prev">Previous</button><span id="r-info"></span><button type="button" id="r-next">Next</button></div>
</details></section>`

/** The Content-Security-Policy: this file's style and two scripts by hash, nothing else. */
function csp(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(HTML_STYLE)}`,
    `script-src ${sha256(chartJs())} ${sha256(HTML_SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** Renders the HTML report chunk by chunk. Pure: the same result gives the same bytes. */
export function* renderHtmlChunks(r: ScanResult, opts: HtmlOptions = {}): Generator<string> {
  const title = `Sphere scan: ${scanSubject(r)}`
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${headerHtml(r)}
<main>
${chartsHtml()}
${organisationHtml(r)}
${servicesHtml(r)}
${sphereHtml(r)}
${dutiesHtml(r)}
${complianceHtmlSection(opts.compliance ?? [])}
${FINDINGS}
${RESOURCES(['fail', 'error', 'manual', 'muted', 'pass', 'not_applicable'])}
${issuesHtml(r)}
</main>
<script type="application/json" id="sphere-data">`
  yield* htmlDataChunks(r, Math.max(1, opts.pageSize ?? 100), opts.filter)
  yield `</script>
<script>${chartJs()}</script>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`
}

/** The HTML report as one string (small results; the CLI writes {@link renderHtmlChunks}). */
export function renderHtml(r: ScanResult, opts: HtmlOptions = {}): string {
  return joinChunks(renderHtmlChunks(r, opts))
}
