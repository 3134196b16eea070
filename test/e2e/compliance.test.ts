/**
 * `sphere compliance` as a user runs it: a scan of the demo organisation served by the emulator on
 * a real port, saved as a JSON report and as an inventory, then viewed as C5:2020 and CCM v4.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { ComplianceDocumentSchema } from '../../src/compliance/document.ts'
import { demoScan } from './_compliance-demo.ts'

const { dir, report, inventory, sphere, unprotectedServers } = demoScan()

describe('sphere compliance against the emulator', () => {
  it('c5-2020 text: every area, OPS-06 not met naming the unprotected servers, PS-01 inherited with the attestation', async () => {
    const r = await sphere([
      'compliance',
      '--framework',
      'c5-2020',
      '--scan',
      report,
      '--findings',
      'all',
    ])
    assert.equal(r.code, 0, r.err)
    for (const area of [
      'OIS',
      'SP',
      'HR',
      'AM',
      'PS',
      'OPS',
      'IDM',
      'CRY',
      'COS',
      'PI',
      'DEV',
      'SSO',
      'SIM',
      'BCM',
      'COM',
      'INQ',
      'PSS',
    ])
      assert.match(r.out, new RegExp(`^${area}  `, 'm'), area)
    assert.match(r.out, /^Summary: 121 criteria: /m)
    const ops06 = r.out.slice(r.out.indexOf('  OPS-06 '), r.out.indexOf('  OPS-07 '))
    assert.match(ops06, /OPS-06\s+shared\s+NOT MET/)
    for (const name of unprotectedServers())
      assert.ok(ops06.includes(`"${name}"`), `${name} in OPS-06`)
    const ps01 = r.out.slice(r.out.indexOf('  PS-01 '), r.out.indexOf('  PS-02 '))
    assert.match(ps01, /PS-01\s+provider\s+INHERITED/)
    assert.match(ps01, /attestation: BSI C5 attestation \(ISAE 3000\) of Open Telekom Cloud/)
  })

  it('ccm-v4 json from the saved inventory: BCR-08 and IVS-04 not met, DCS-01 inherited; valid document', async () => {
    const r = await sphere([
      'compliance',
      '--framework',
      'ccm-v4',
      '--inventory',
      inventory,
      '--format',
      'json',
    ])
    assert.equal(r.code, 0, r.err)
    const doc = ComplianceDocumentSchema.parse(JSON.parse(r.out))
    assert.equal(doc.criteria.length, 197)
    assert.equal(new Set(doc.criteria.map((c) => c.domain)).size, 17)
    const c = (id: string) => doc.criteria.find((x) => x.id === id)!
    assert.equal(c('BCR-08').status, 'not_met')
    const failing = c('BCR-08').failing.map((f) => f.resource.name)
    for (const name of unprotectedServers()) assert.ok(failing.includes(name), name)
    assert.equal(c('IVS-04').status, 'not_met')
    assert.ok(c('IVS-04').failing.some((f) => f.checkId === 'ecs-server-image-current'))
    assert.equal(c('DCS-01').status, 'inherited')
    assert.ok(c('DCS-01').attestations.includes('csa-star-2'))
    assert.ok(doc.attestations.some((a) => a.id === 'csa-star-2'))
  })

  it('paas: IVS-04 is the provider’s', async () => {
    const r = await sphere([
      'compliance',
      '--framework',
      'ccm-v4',
      '--scan',
      report,
      '--model',
      'paas',
      '--format',
      'json',
    ])
    assert.equal(r.code, 0, r.err)
    const doc = JSON.parse(r.out)
    assert.equal(doc.model, 'paas')
    assert.equal(doc.criteria.find((x: { id: string }) => x.id === 'IVS-04').status, 'inherited')
  })

  it('refuses a filtered report, naming the file and its filter (exit 2)', async () => {
    const filtered = join(dir, 'filtered.json')
    const s = await sphere([
      'scan',
      '--inventory',
      inventory,
      '--format',
      'json',
      '--status',
      'fail',
      '-o',
      filtered,
    ])
    assert.equal(s.code, 1, s.err)
    const r = await sphere(['compliance', '--framework', 'c5-2020', '--scan', filtered])
    assert.equal(r.code, 2)
    assert.match(
      r.err,
      /filtered\.json: filter: the report lists \d+ of \d+ findings \(written with --severity, --status or --quiet\)/,
    )
    assert.equal(r.out, '')
  })

  it('usage errors: no framework, an unknown one, both or neither source (exit 2)', async () => {
    for (const args of [
      ['--scan', report],
      ['--framework', 'iso-27001', '--scan', report],
      ['--framework', 'c5-2020', '--scan', report, '--inventory', inventory],
      ['--framework', 'c5-2020'],
    ]) {
      const r = await sphere(['compliance', ...args])
      assert.equal(r.code, 2, args.join(' '))
      assert.match(r.err, /^sphere compliance: /)
    }
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"schemaVersion": 2}')
    const r = await sphere(['compliance', '--framework', 'c5-2020', '--scan', bad])
    assert.equal(r.code, 2)
    assert.match(r.err, /bad\.json: /)
  })

  it('writes to --output', async () => {
    const out = join(dir, 'c5.txt')
    const r = await sphere(['compliance', '--framework', 'c5-2020', '--scan', report, '-o', out])
    assert.equal(r.code, 0, r.err)
    assert.match(readFileSync(out, 'utf8'), /^BSI C5:2020/)
  })
})
