/**
 * The HTML report: one self-contained file, readable offline. The sphere picture, duties,
 * collection issues and notes are rendered ahead of time; findings and resources are embedded as
 * JSON data and rendered a page at a time by an inline script, so the file stays usable at
 * 100,000 findings. A Content-Security-Policy allows only this file's own style and script (by
 * hash) and no network access, as a second line of defence behind the escaping.
 * @module
 */
import { createHash } from 'node:crypto'
import { scanSubject } from '../engine/summary.ts'
import type { ScanResult } from '../engine/types.ts'
import { htmlData } from './_html-data.ts'
import { escapeHtml, jsonForScript } from './_html-escape.ts'
import { HTML_SCRIPT } from './_html-script.ts'
import { dutiesHtml, headerHtml, issuesHtml, sphereHtml } from './_html-sections.ts'
import { HTML_STYLE } from './_html-style.ts'
import type { FindingFilter } from './_filter.ts'

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Findings (and resources) per page; default 100. */
  pageSize?: number
  /** Which findings the report lists. */
  filter?: FindingFilter
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

const FINDINGS = `<section id="findings"><h2>Findings</h2>
<div class="filters">
<label>Duty<select id="f-duty"><option value="">all duties</option></select></label>
<label>Severity<select id="f-severity"><option value="">all severities</option></select></label>
<label>Status<select id="f-status"><option value="">all statuses</option></select></label>
<label>Search<input id="f-q" type="search" placeholder="resource, check or message"></label>
</div>
<table><thead><tr><th>Status</th><th>Severity</th><th>Duty</th><th>Check</th><th>Resource</th><th>Region</th><th>Message</th><th></th></tr></thead>
<tbody id="findings-body"></tbody></table>
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

/** Renders the HTML report. Pure: the same result gives the same bytes. */
export function renderHtml(r: ScanResult, opts: HtmlOptions = {}): string {
  const data = htmlData(r, Math.max(1, opts.pageSize ?? 100))
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(HTML_STYLE)}`,
    `script-src ${sha256(HTML_SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  const title = `Sphere scan: ${scanSubject(r)}`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${headerHtml(r)}
<main>
${sphereHtml(r)}
${dutiesHtml(r)}
${FINDINGS}
${RESOURCES(data.statuses)}
${issuesHtml(r)}
</main>
<script type="application/json" id="sphere-data">${jsonForScript(data)}</script>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`
}

/** Temporary. */
export function* renderHtmlChunks(r: ScanResult, opts: HtmlOptions = {}): Generator<string> {
  yield renderHtml(r, opts)
}
