/**
 * `sphere scan --compliance`, `sphere compliance --store` and the audit pack through the real CLI,
 * over a scan of the demo organisation served by the emulator on a real port.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { demoScan } from './_compliance-demo.ts'

const { dir, report, inventory, sphere, unprotectedServers } = demoScan()

describe('sphere scan --compliance', () => {
  it('adds the views to JSON, CSV and text; the config file key does the same', async () => {
    const out = join(dir, 'views')
    const r = await sphere([
      'scan',
      '--inventory',
      inventory,
      '--compliance',
      'c5-2020,ccm-v4',
      '--format',
      'json,csv,text',
      '--output-dir',
      out,
      '--output-name',
      'v',
    ])
    assert.equal(r.code, 1, r.err)
    const doc = JSON.parse(readFileSync(join(out, 'v.json'), 'utf8'))
    assert.deepEqual(
      doc.compliance.map((c: { framework: { id: string } }) => c.framework.id),
      ['c5-2020', 'ccm-v4'],
    )
    assert.equal(
      doc.compliance[0].criteria.find((c: { id: string }) => c.id === 'OPS-06').status,
      'not_met',
    )
    assert.match(readFileSync(join(out, 'v.csv'), 'utf8').split('\r\n')[0]!, /,c5-2020,ccm-v4$/)
    assert.match(readFileSync(join(out, 'v.txt'), 'utf8'), /^ {2}OPS-06 +NOT MET/m)
    const config = join(dir, 'sphere.yaml')
    writeFileSync(config, 'compliance: [ccm-v4]\n')
    const c = await sphere([
      'scan',
      '--inventory',
      inventory,
      '--config',
      config,
      '--format',
      'json',
    ])
    assert.deepEqual(
      JSON.parse(c.out).compliance.map((x: { framework: { id: string } }) => x.framework.id),
      ['ccm-v4'],
    )
  })

  it('an unknown framework: the flag is a usage error, the config key names file and path (exit 2)', async () => {
    const r = await sphere(['scan', '--inventory', inventory, '--compliance', 'iso-27001'])
    assert.equal(r.code, 2)
    assert.match(
      r.err,
      /--compliance: "iso-27001" is not valid; expected one or more of: c5-2020, ccm-v4/,
    )
    const config = join(dir, 'bad.yaml')
    writeFileSync(config, 'compliance: [c5-2020, nis2]\n')
    const c = await sphere(['scan', '--inventory', inventory, '--config', config])
    assert.equal(c.code, 2)
    assert.match(
      c.err,
      /bad\.yaml: compliance\[1\]: unknown framework "nis2"; expected one of: c5-2020, ccm-v4/,
    )
  })

  it('sphere compliance --format markdown and csv', async () => {
    const md = await sphere([
      'compliance',
      '--framework',
      'c5-2020',
      '--scan',
      report,
      '--format',
      'markdown',
    ])
    assert.equal(md.code, 0, md.err)
    assert.match(md.out, /^\| OPS-06 \| Backup and restore concept \| shared \| ❌ not met \|/m)
    const csv = await sphere([
      'compliance',
      '--framework',
      'ccm-v4',
      '--scan',
      report,
      '--format',
      'csv',
    ])
    assert.equal(csv.code, 0, csv.err)
    assert.equal(csv.out.split('\r\n').filter(Boolean).length, 198)
    assert.match(
      csv.out,
      /\r\nccm-v4,iaas,BCR,BCR-08,Regular backups with restore checks,shared,not_met,/,
    )
  })
})

describe('sphere compliance --store', () => {
  it('views the latest stored scan, or one by id; no such scan is exit 2', async () => {
    const db = join(dir, 'history.db')
    const s = await sphere([
      'scan',
      '--inventory',
      inventory,
      '--store',
      '--db',
      db,
      '--format',
      'json',
    ])
    assert.equal(s.code, 1, s.err)
    const r = await sphere([
      'compliance',
      '--framework',
      'c5-2020',
      '--store',
      'latest',
      '--db',
      db,
      '--format',
      'json',
    ])
    assert.equal(r.code, 0, r.err)
    const doc = JSON.parse(r.out)
    assert.match(doc.source.subject, /\(stored scan 1\)$/)
    const ops06 = doc.criteria.find((c: { id: string }) => c.id === 'OPS-06')
    assert.equal(ops06.status, 'not_met')
    for (const name of unprotectedServers())
      assert.ok(
        ops06.failing.some((f: { resource: { name: string } }) => f.resource.name === name),
        name,
      )
    const same = await sphere([
      'compliance',
      '--framework',
      'c5-2020',
      '--store',
      '1',
      '--db',
      db,
      '--format',
      'json',
    ])
    assert.deepEqual(JSON.parse(same.out).counts, doc.counts)
    const missing = await sphere([
      'compliance',
      '--framework',
      'c5-2020',
      '--store',
      '7',
      '--db',
      db,
    ])
    assert.equal(missing.code, 2)
    assert.match(missing.err, /no scan 7 in .*history\.db/)
  })
})

describe('sphere compliance --format html (audit pack)', () => {
  it('writes one self-contained document: every area, OPS-06 open with its servers, no external resource', async () => {
    const out = join(dir, 'c5.html')
    const r = await sphere([
      'compliance',
      '--framework',
      'c5-2020',
      '--scan',
      report,
      '--format',
      'html',
      '--output',
      out,
    ])
    assert.equal(r.code, 0, r.err)
    const html = readFileSync(out, 'utf8')
    assert.match(html, /^<!doctype html>/)
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/,
    )
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no external resource')
    assert.doesNotMatch(html, /<script/)
    assert.equal((html.match(/<section class="domain"/g) ?? []).length, 17)
    assert.match(html, /Scope: 4 projects in 2 regions of 1 cloud/)
    const appendix = html.slice(html.indexOf('id="fail-OPS-06"'))
    for (const name of unprotectedServers()) assert.ok(appendix.includes(name), name)
    assert.match(html, /BSI C5 attestation \(ISAE 3000\) of Open Telekom Cloud/)
  })
})
