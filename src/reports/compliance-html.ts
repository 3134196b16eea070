/**
 * The audit pack (`sphere compliance --format html`): one self-contained, static HTML document an
 * auditor can read and print. Scope and date, the responsibility split in the chosen service
 * model, per domain every criterion with the customer's evidence (checks, counts, what to bring)
 * and the provider's attestation, the open points, and an appendix of failing resources. No
 * script and no external resource: a Content-Security-Policy allows only its own style (by hash).
 * Print CSS starts every domain on a new page and repeats table headers. Also the short section
 * the scan's HTML report carries (`sphere scan --compliance`).
 * @module
 */
import { createHash } from 'node:crypto'
import type { ComplianceView, CriterionResult, CriterionStatus } from '../compliance/evaluate.ts'
import { escapeHtml as h } from './_html-escape.ts'

const LABEL: Record<CriterionStatus, string> = {
  not_met: 'not met',
  unknown: 'unknown',
  manual: 'manual',
  met: 'met',
  inherited: 'inherited',
}
const ORDER: CriterionStatus[] = ['not_met', 'unknown', 'manual', 'met', 'inherited']

/** The audit pack's stylesheet (screen and print). */
export const AUDIT_STYLE = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}
h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:14px;margin:16px 0 6px}
.meta{color:var(--muted)}.small{font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{text-align:left;padding:5px 7px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
th{font-size:11px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.st{display:inline-block;border-radius:4px;padding:1px 6px;font-size:11px;font-weight:600;white-space:nowrap}
.st-not_met{background:#fde7e4;color:#b3261e}.st-unknown{background:#fff3d6;color:#8a5a00}
.st-manual{background:#f1e6fa;color:#6a2c91}.st-met{background:#e3f4e8;color:#1f7a3a}
.st-inherited{background:#e6edf9;color:#2f5597}
ul{margin:2px 0;padding-left:18px}
.notice{border-left:4px solid #8a5a00;background:#fff8e6;padding:8px 12px}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{max-width:none;padding:0;font-size:10.5px}
  section.domain,section.appendix,section.open{break-before:page}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  h2,h3{break-after:avoid}
}
`

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/** The Content-Security-Policy: the document's own style, nothing else. */
export function auditCsp(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(AUDIT_STYLE)}`,
    "img-src 'none'",
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

const badge = (s: CriterionStatus) => `<span class="st st-${s}">${LABEL[s]}</span>`

function attestationTitles(v: ComplianceView, ids: readonly string[]): string {
  return ids.map((a) => h(v.attestations.find((x) => x.id === a)?.title ?? a)).join('<br>')
}

function customerCell(c: CriterionResult): string {
  if (!c.customerPart)
    return c.analogue.length > 0
      ? `<span class="meta">Your analogue: ${h(c.analogue.join(', '))}</span>`
      : '–'
  const items = [`${h(c.customerPart)}`]
  if (c.checks.length > 0)
    items.push(
      `<ul>${c.checks
        .map((t) =>
          t.ran
            ? `<li><code>${h(t.id)}</code>: ${t.pass} pass, ${t.fail} fail${t.error ? `, ${t.error} error` : ''}${t.manual ? `, ${t.manual} manual` : ''}</li>`
            : `<li><code>${h(t.id)}</code>: not run</li>`,
        )
        .join('')}</ul>`,
    )
  if (c.failing.length > 0)
    items.push(
      `<a href="#fail-${h(c.id)}">${c.failing.length} failing resource${c.failing.length === 1 ? '' : 's'} (appendix)</a>`,
    )
  if (c.manualEvidence) items.push(`<b>Bring:</b> ${h(c.manualEvidence)}`)
  return items.join('<br>')
}

function domainSection(v: ComplianceView, d: ComplianceView['domains'][number]): string {
  const rows = v.criteria
    .filter((c) => c.domain === d.id)
    .map(
      (c) =>
        `<tr id="c-${h(c.id)}"><td><b>${h(c.id)}</b></td><td>${h(c.title)}</td><td>${h(c.owner)}</td><td>${badge(c.status)}<div class="small meta">${h(c.reason)}</div></td><td>${customerCell(c)}</td><td>${c.providerPart ? `${h(c.providerPart)}<br>` : ''}${attestationTitles(v, c.attestations)}</td></tr>`,
    )
  return `<section class="domain" id="d-${h(d.id)}"><h2>${h(d.id)} ${h(d.title)}</h2>
<p class="meta">${ORDER.filter((s) => d.counts[s] > 0)
    .map((s) => `${d.counts[s]} ${LABEL[s]}`)
    .join(' · ')}</p>
<table><thead><tr><th>Id</th><th>Title</th><th>Owner</th><th>Status</th><th>Customer evidence</th><th>Provider part and attestation</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`
}

function openPoints(v: ComplianceView): string {
  const open = v.criteria.filter(
    (c) => c.status === 'not_met' || c.status === 'unknown' || c.status === 'manual',
  )
  const rows = open.map(
    (c) =>
      `<tr><td><a href="#c-${h(c.id)}">${h(c.id)}</a></td><td>${h(c.title)}</td><td>${badge(c.status)}</td><td>${h(c.reason)}${c.manualEvidence ? `<br><b>Bring:</b> ${h(c.manualEvidence)}` : ''}</td></tr>`,
  )
  return `<section class="open" id="open"><h2>Open points (${open.length})</h2>
<p class="meta">What is not met, what could not be judged, and the evidence a person must bring.</p>
<table><thead><tr><th>Id</th><th>Title</th><th>Status</th><th>What is open</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`
}

function appendix(v: ComplianceView): string {
  const blocks = v.criteria
    .filter((c) => c.failing.length > 0)
    .map(
      (c) => `<h3 id="fail-${h(c.id)}">${h(c.id)} ${h(c.title)} (${c.failing.length})</h3>
<table><thead><tr><th>Check</th><th>Project / region</th><th>Resource</th><th>Id</th><th>Finding</th></tr></thead><tbody>${c.failing
        .map(
          (f) =>
            `<tr><td><code>${h(f.checkId)}</code></td><td>${h(f.scope.projectName)} / ${h(f.scope.region)}</td><td>${h(f.resource.type)} ${h(f.resource.name)}</td><td><code>${h(f.resource.id)}</code></td><td>${h(f.message)}</td></tr>`,
        )
        .join('\n')}</tbody></table>`,
    )
  return `<section class="appendix" id="appendix"><h2>Appendix: failing resources</h2>${blocks.join('\n') || '<p>No failing resources.</p>'}</section>`
}

/** Renders the audit pack of a view. Pure: the same view gives the same bytes. */
export function renderComplianceHtml(
  v: ComplianceView,
  opts: { generatedBy?: string } = {},
): string {
  const fw = v.framework
  const title = `${fw.name} audit pack: ${v.source.subject}`
  const owners = { customer: 0, shared: 0, provider: 0 }
  for (const c of v.criteria) owners[c.owner]++
  const units = fw.unit === 'criterion' ? 'criteria' : `${fw.unit}s`
  const summary = v.domains
    .map(
      (d) =>
        `<tr><td><a href="#d-${h(d.id)}">${h(d.id)}</a> ${h(d.title)}</td>${ORDER.map((s) => `<td class="num">${d.counts[s]}</td>`).join('')}</tr>`,
    )
    .join('\n')
  const attestations = v.attestations
    .map(
      (a) =>
        `<tr><td>${h(a.title)}</td><td>${h(a.issuer)}</td><td>${a.verified ? 'listed by a public source' : '<b>not verified</b>'}</td><td>${h(a.note ?? '')}</td></tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${auditCsp()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${h(title)}</title>
<style>${AUDIT_STYLE}</style>
</head>
<body>
<header>
<h1>${h(fw.name)} (${h(fw.title)}): audit pack</h1>
<p class="meta">Scope: ${h(v.source.subject)} · scan evaluated ${h(v.source.evaluatedAt)} · service model ${h(v.model)} · ${h(fw.publisher)}, version ${h(fw.version)}${opts.generatedBy ? ` · ${h(opts.generatedBy)}` : ''}</p>
</header>
<main>
<section id="split"><h2>Responsibility split</h2>
<p>${v.criteria.length} ${units}: <b>${owners.customer + owners.shared}</b> with a customer part (${owners.shared} shared, ${owners.customer} the customer's alone), <b>${owners.provider}</b> the provider's (inherited: the customer points to the provider's attestation).</p>
<p>Status: ${ORDER.map((s) => `${badge(s)} ${v.counts[s]}`).join(' ')}</p>
<table><thead><tr><th>Domain</th>${ORDER.map((s) => `<th class="num">${LABEL[s]}</th>`).join('')}</tr></thead><tbody>${summary}</tbody></table>
<p class="small meta">Met: the checks that evidence the customer part passed on every resource they judged (bring the listed evidence too where named). Not met: a resource fails. Unknown: a check could not be evaluated or data was not collected. Manual: no check can show it; bring the evidence named. Inherited: the provider owns it in this model. Titles are our own short wording, not the framework's text.</p>
</section>
<section id="attestations"><h2>Provider attestations</h2>
<p class="notice small">Confirm every attestation, its scope, validity and report period with the provider before relying on it.</p>
<table><thead><tr><th>Attestation</th><th>Issued by</th><th>Status</th><th>Note</th></tr></thead><tbody>${attestations}</tbody></table>
</section>
${openPoints(v)}
${v.domains.map((d) => domainSection(v, d)).join('\n')}
${appendix(v)}
</main>
</body>
</html>
`
}

/** The section of the scan's HTML report: per framework, counts and the criteria not met. */
export function complianceHtmlSection(views: readonly ComplianceView[]): string {
  if (views.length === 0) return ''
  const parts = views.map((v) => {
    const open = v.criteria.filter((c) => c.status === 'not_met' || c.status === 'unknown')
    return `<h3>${h(v.framework.name)} (${h(v.model)} view)</h3>
<p>${ORDER.map((s) => `<span class="badge st-${s === 'manual' ? 'none' : s}">${LABEL[s]} ${v.counts[s]}</span>`).join(' ')}</p>
<table><thead><tr><th>Id</th><th>Title</th><th>Status</th><th>Why</th></tr></thead><tbody>${open
      .map(
        (c) =>
          `<tr><td>${h(c.id)}</td><td>${h(c.title)}</td><td><span class="badge st-${c.status}">${LABEL[c.status]}</span></td><td>${h(c.reason)}</td></tr>`,
      )
      .join('\n')}</tbody></table>`
  })
  return `<section id="compliance"><h2>Compliance</h2>
<p class="muted small">sphere compliance --framework ID --format html writes the full audit pack.</p>
${parts.join('\n')}</section>`
}
