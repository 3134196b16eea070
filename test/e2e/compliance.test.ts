/**
 * `sphere compliance` as a user runs it: a scan of the demo organisation served by the emulator on
 * a real port, saved as a JSON report and as an inventory, then viewed as C5:2020 and CCM v4.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { captureIO } from '../../src/cli/_capture.ts'
import { runCli } from '../../src/cli/main.ts'
import { ComplianceDocumentSchema } from '../../src/compliance/document.ts'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-compliance-'))
let emu: RunningEmulator
const clouds = join(dir, 'clouds.yaml')
const report = join(dir, 'scan.json')
const inventory = join(dir, 'inv.json')

async function sphere(args: string[]) {
  const c = captureIO({ env: { OS_CLIENT_CONFIG_FILE: clouds }, cwd: dir })
  const code = await runCli(args, c.io)
  return { code, out: c.out(), err: c.err() }
}

before(async () => {
  emu = await startEmulator({ world: 'demo', port: 0 })
  writeFileSync(
    clouds,
    writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
  )
  const r = await sphere([
    'scan',
    '--os-cloud',
    'demo',
    '--all-projects',
    '--regions',
    'all',
    '--format',
    'json',
    '-o',
    report,
    '--save-inventory',
    inventory,
  ])
  assert.equal(r.code, 1, r.err)
})
after(async () => {
  await emu?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Names of the demo's servers in no backup, from the scan itself. */
function unprotectedServers(): string[] {
  const doc = JSON.parse(readFileSync(report, 'utf8'))
  const names = doc.findings
    .filter(
      (f: { checkId: string; status: string }) =>
        f.checkId === 'cbr-server-protected' && f.status === 'fail',
    )
    .map((f: { resource: { name: string } }) => f.resource.name)
  assert.ok(names.length > 0)
  return names
}

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
