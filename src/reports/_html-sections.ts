/**
 * The parts of the HTML report rendered ahead of time (they are small whatever the scan size):
 * the header with counts, the sphere picture, the duties, collection issues and notes. Every
 * value goes through {@link escapeHtml}.
 * @module
 */
import { DUTY_STATUS_LABEL, scanOrigins, scanSubject, summarize } from '../engine/summary.ts'
import {
  DUTY_STATUSES,
  type DutyResult,
  type DutyStatus,
  type LayerResult,
  type ScanResult,
} from '../engine/types.ts'
import { scopeLabel } from '../inventory/scope.ts'
import { escapeHtml as e } from './_html-escape.ts'

const WORST: readonly DutyStatus[] = ['not_met', 'unknown', 'met', 'inherited']

function badge(status: DutyStatus): string {
  return `<span class="badge st-${status}">${e(DUTY_STATUS_LABEL[status])}</span>`
}

/** Header: what was scanned and the counts at a glance. */
export function headerHtml(r: ScanResult): string {
  const s = summarize(r)
  const card = (cls: string, n: number, label: string) =>
    `<div class="card ${cls}"><b>${n}</b>${e(label)}</div>`
  return `<header>
<h1>Sphere: ${e(scanSubject(r))}</h1>
<div class="meta">${e(scanOrigins(r).join(', '))} · scanned ${e(r.scan.startedAt)} to ${e(r.scan.finishedAt)} · responsibility model ${e(r.modelVersion)} · ${e(r.tool.name)} ${e(r.tool.version)}</div>
<div class="cards">
${DUTY_STATUSES.map((d) => card(`st-${d}`, s.duties[d], `duties ${DUTY_STATUS_LABEL[d]}`)).join('\n')}
${card('st-none', s.findings.fail, 'failing findings')}
${card('st-none', s.findings.muted, 'muted')}
${card('st-none', s.findings.error + s.findings.manual, 'error or manual')}
${card(s.issues > 0 ? 'st-unknown' : 'st-none', s.issues, 'collection issues')}
</div>
</header>`
}

function layerStatus(layer: LayerResult, owner: string, duties: Map<string, DutyResult>): string {
  if (owner === 'provider') return 'inherited'
  const statuses = layer.duties.map((id) => duties.get(id)?.status).filter((x) => x !== undefined)
  return WORST.find((w) => statuses.includes(w)) ?? 'none'
}

/** The sphere: layers (top first) × the service models present, owner per cell, coloured by duty status. */
export function sphereHtml(r: ScanResult): string {
  const duties = new Map(r.duties.map((d) => [d.id, d]))
  const models = Object.keys(r.layers[0]?.owners ?? {})
  const rows = [...r.layers].reverse().map((l) => {
    const names = l.duties.map((id) => {
      const d = duties.get(id)
      return d ? ` ${badge(d.status)} <span class="muted">${e(d.id)}</span>` : ''
    })
    const cells = models.map((m) => {
      const owner = l.owners[m as keyof typeof l.owners] ?? 'provider'
      return `<td class="cell st-${layerStatus(l, owner, duties)}">${e(owner)}</td>`
    })
    return `<tr><td class="layer">${e(l.title)}${names.join('')}</td>${cells.join('')}</tr>`
  })
  const services = r.inventory.services.join(', ') || 'none found'
  return `<section id="sphere"><h2>Your sphere</h2>
<p class="muted">Who owns each layer for the service models in the scan (services: ${e(services)}), coloured by the status of the duties on that layer.</p>
<table class="sphere"><thead><tr><th>Layer</th>${models.map((m) => `<th>${e(m.toUpperCase())}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<div class="legend">${WORST.map((w) => badge(w)).join(' ')} <span class="badge st-none">no duty evaluated</span></div>
</section>`
}

/** The duties table, with a button that filters the findings to a duty. */
export function dutiesHtml(r: ScanResult): string {
  const rows = r.duties.map((d) => {
    const n = d.counts
    const counts =
      d.kind === 'provider'
        ? `<td colspan="6" class="muted">${e(d.attestations.join('; '))}</td>`
        : [n.fail, n.error, n.manual, n.muted, n.pass, n.not_applicable]
            .map((x) => `<td class="num">${x}</td>`)
            .join('')
    const owners = d.owners.map((o) => `${o.model.toUpperCase()} ${o.owner}`).join(', ')
    const show =
      d.kind === 'provider'
        ? ''
        : `<button type="button" data-duty="${e(d.id)}" class="show-duty">findings</button>`
    return `<tr><td><b>${e(d.title)}</b><div class="rid">${e(d.id)}</div></td><td>${e(d.owner)}<div class="rid">${e(owners)}</div></td><td>${badge(d.status)}<div class="rid">${e(d.reason)}</div></td>${counts}<td>${show}</td></tr>`
  })
  return `<section id="duties"><h2>Duties</h2>
<table><thead><tr><th>Duty</th><th>Owner</th><th>Status</th><th class="num">Fail</th><th class="num">Error</th><th class="num">Manual</th><th class="num">Muted</th><th class="num">Pass</th><th class="num">N/A</th><th></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`
}

/** Collection issues, types not offered, and notes. */
export function issuesHtml(r: ScanResult): string {
  const issues = r.issues.length
    ? `<table><thead><tr><th>Scope</th><th>Service</th><th>Resource type</th><th>Region</th><th>Kind</th><th>Message</th></tr></thead><tbody>${r.issues
        .map(
          (i) =>
            `<tr><td>${e(scopeLabel(i.scope))}</td><td>${e(i.service)}</td><td>${e(i.resourceType)}</td><td>${e(i.region)}</td><td>${e(i.errorKind)}</td><td class="msg">${e(i.message)}</td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : '<p class="muted">Every resource type was collected completely.</p>'
  const unavailable = r.unavailable.length
    ? `<h2>Not offered by this cloud</h2><ul>${r.unavailable.map((u) => `<li>${e(scopeLabel(u.scope))}: ${e(u.resourceType)} (${e(u.service)}): ${e(u.reason)}</li>`).join('')}</ul>`
    : ''
  const notes = r.notes.length
    ? `<h2>Notes</h2><ul>${r.notes.map((n) => `<li><b>${e(n.level)}</b> ${n.scope ? `${e(scopeLabel(n.scope))}: ` : ''}${n.source ? `${e(n.source)}: ` : ''}${e(n.message)}</li>`).join('')}</ul>`
    : ''
  return `<section id="issues"><h2>Collection issues (${r.issues.length})</h2>${issues}${unavailable}${notes}</section>`
}
