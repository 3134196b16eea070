/** `sphere scan --compliance`: each format carries the views (scanResultFixture, hostile names). */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { evaluateCompliance } from '../compliance/evaluate.ts'
import { loadCompliance } from '../compliance/load.ts'
import { ESC_NAME, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { renderComplianceCsv } from './compliance-csv.ts'
import { renderComplianceMarkdown } from './compliance-markdown.ts'
import { renderComplianceText } from './compliance-text.ts'
import { CSV_COLUMNS, renderCsv } from './csv.ts'
import { renderJson } from './json.ts'
import { JsonReportSchema } from './json-schema.ts'
import { renderMarkdown } from './markdown.ts'
import { ocsfEvents } from './ocsf.ts'
import { renderSarif } from './sarif.ts'
import { renderText } from './text.ts'

const r = scanResultFixture({ hostile: true })
const data = loadCompliance()
const source = { subject: 'fixture', evaluatedAt: r.scan.evaluatedAt }
const views = data.frameworks.map((f) =>
  evaluateCompliance(f, 'iaas', r, data.attestations, source),
)
const failingCheck = r.findings.find(
  (f) => f.status === 'fail' && f.checkId === 'ecs-server-no-public-admin-exposure',
)!

describe('scan reports with compliance views', () => {
  it('JSON: `compliance` with one document per framework, valid against the report schema', () => {
    const doc = JSON.parse(renderJson(r, { compliance: views }))
    assert.ok(JsonReportSchema.safeParse(doc).success)
    assert.deepEqual(
      doc.compliance.map((c: { framework: { id: string } }) => c.framework.id),
      ['c5-2020', 'ccm-v4'],
    )
    const cos04 = doc.compliance[0].criteria.find((c: { id: string }) => c.id === 'COS-04')
    assert.equal(cos04.status, 'not_met')
    assert.ok(
      cos04.failing.some((f: { resource: { name: string } }) => f.resource.name === XSS_NAME),
    )
    assert.equal(JSON.parse(renderJson(r)).compliance, undefined)
  })

  it('CSV: one column per framework id with the criteria of the row’s check', () => {
    const lines = renderCsv(r, { compliance: views }).split('\r\n')
    const head = lines[0]!.split(',')
    assert.deepEqual(head.slice(-2), ['c5-2020', 'ccm-v4'])
    assert.equal(head.length, CSV_COLUMNS.length + 2)
    const row = lines.find((l) => l.includes(failingCheck.fingerprint))!
    assert.match(row, /,COS-01 COS-04,IVS-03 IVS-09\s*$/)
  })

  it('OCSF: unmapped.compliance lists the framework mapping under the references’ keys', () => {
    const e = ocsfEvents(r, { compliance: views }).find(
      (x) => x.finding_info.uid === failingCheck.fingerprint,
    )!
    assert.deepEqual(e.unmapped.compliance, {
      'C5-2020': ['COS-01', 'COS-04'],
      'CCM-4.0': ['IVS-03', 'IVS-09'],
    })
  })

  it('SARIF: rule properties name the criteria per framework', () => {
    const doc = JSON.parse(renderSarif(r, { compliance: views }))
    const rule = doc.runs[0].tool.driver.rules.find(
      (x: { id: string }) => x.id === 'cbr-server-protected',
    )
    assert.ok(rule.properties.compliance['c5-2020'].includes('OPS-06'))
    assert.ok(rule.properties.compliance['ccm-v4'].includes('BCR-08'))
  })

  it('text and Markdown: a section per framework with what is not met; hostile names escaped', () => {
    const text = renderText(r, { color: false, compliance: views })
    assert.match(text, /^Compliance: BSI C5:2020 \(iaas view\): \d+ not met/m)
    assert.match(text, /^ {2}COS-04 +NOT MET +Gateways control cross-network access/m)
    assert.match(text, /^Compliance: CSA CCM v4 \(iaas view\)/m)
    const md = renderMarkdown(r, { compliance: views })
    assert.match(md, /^### Compliance: BSI C5:2020 \(iaas view\)$/m)
    assert.match(md, /^\| COS-04 \| Gateways control cross-network access \| ❌ not met \|/m)
  })

  it('the full view in text, Markdown and CSV never lets a hostile name through', () => {
    const c5 = views[0]!
    const text = renderComplianceText(c5, { maxFailing: 100 })
    assert.ok(!text.includes('\u001b'), 'no escape character reaches the terminal')
    assert.ok(text.includes(ESC_NAME.replace('\u001b', '\\x1b').slice(0, 6)))
    const md = renderComplianceMarkdown(c5, { maxFailing: 100 })
    assert.ok(!md.includes('<img'), 'HTML in names is escaped in Markdown')
    const csv = renderComplianceCsv(c5)
    assert.match(csv.split('\r\n')[0]!, /^framework,model,domain,id,title,owner,status/)
    assert.equal(csv.split('\r\n').filter(Boolean).length, 122)
  })
})
