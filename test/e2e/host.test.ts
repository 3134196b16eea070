/**
 * In-VM evidence as a user brings it in: `sphere scan --host-reports DIR` against the emulator on
 * a real port (good, bad, stale, unmatched, hostname-matched and broken report files), and
 * `sphere demo` with the demo world's own host reports.
 */
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { captureIO } from '../../src/cli/_capture.ts'
import { runCli } from '../../src/cli/main.ts'
import {
  loadWorld,
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'
import { hostReport } from '../../src/host/testing.ts'
import { daysAgo } from '../../src/inventory/testing.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-host-e2e-'))
const reports = join(dir, 'host-reports')
let emu: RunningEmulator
after(async () => {
  await emu?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Finding {
  checkId: string
  status: string
  cause?: string
  resource: { name: string }
  message: string
  evidence: Record<string, unknown> | null
}
interface Note {
  level: string
  code: string
  source?: string
  message: string
}

/** The demo world's servers of project eu-de (ids are derived from names, as the emulator's). */
const world = loadWorld('demo')
const eude = world.projects.find((p) => p.name === 'eu-de')!.id
function server(name: string) {
  const s = world.servers.find((x) => x.name === name && x.projectId === eude)!
  return { id: s.id, ip: world.ports.find((p) => p.id === s.portIds[0])!.ip }
}

/** A report of a demo server, collected `age` days before the real now. */
function report(name: string, age: number, o: Parameters<typeof hostReport>[0] = {}) {
  const now = new Date()
  return hostReport({
    collectedAt: daysAgo(age, now),
    os: {
      id: 'ubuntu',
      versionId: '24.04',
      version: '24.04.1 LTS (Noble Numbat)',
      prettyName: 'Ubuntu 24.04.1 LTS',
      distro: 'ubuntu',
      release: '24.04',
    },
    ...o,
    host: {
      hostname: name,
      instanceId: server(name).id,
      instanceIdSource: 'cloud-init',
      addresses: [server(name).ip],
      ...o.host,
    },
    patching: {
      listsRefreshedAt: daysAgo(age + 1, now),
      lastPatchAt: daysAgo(age + 2, now),
      ...o.patching,
    },
  })
}

const write = (name: string, data: unknown) =>
  writeFileSync(join(reports, name), typeof data === 'string' ? data : JSON.stringify(data))

let clouds: string
async function scan(args: string[]) {
  const c = captureIO({ env: { OS_CLIENT_CONFIG_FILE: clouds }, cwd: dir })
  const code = await runCli(['scan', '--os-cloud', 'demo', ...args], c.io)
  return { code, out: c.out(), err: c.err() }
}
const find = (fs: Finding[], check: string, name: string) =>
  fs.find((f) => f.checkId === check && f.resource.name === name)

describe('sphere scan --host-reports against the emulator', () => {
  let doc: { findings: Finding[]; notes: Note[] }
  let json: Awaited<ReturnType<typeof scan>>
  before(async () => {
    emu = await startEmulator({ world: 'demo', port: 0 })
    clouds = join(dir, 'clouds.yaml')
    writeFileSync(
      clouds,
      writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
    )
    mkdirSync(reports)
    write('web-01.json', report('web-01', 1))
    write('web-02.json', report('web-02', 1, { patching: { pending: 2, pendingSecurity: 2 } }))
    write('db-01.json', report('db-01', 20))
    // No instance id: matched by hostname and private address.
    write(
      'app-01.json',
      report('app-01', 0, {
        host: { instanceId: null, instanceIdSource: null },
        ssh: { passwordAuthentication: true },
      }),
    )
    write(
      'gone.json',
      report('web-01', 1, {
        host: { hostname: 'old-web-9', instanceId: 'deadbeef-0000-4000-8000-00000000dead' },
      }),
    )
    const broken = report('bastion-01', 1)
    write('broken.json', { ...broken, patching: { ...broken.patching, pending: 'many' } })
    write('junk.txt', 'Permission denied (publickey).\n')
    write('truncated.json', '{"schema": 1, "host": {')
    copyFileSync(
      fileURLToPath(new URL('../host/fixtures/ubuntu-24.04.txt', import.meta.url)),
      join(reports, 'raw-ubuntu.txt'),
    )
    json = await scan(['--host-reports', 'host-reports', '--format', 'json'])
    doc = JSON.parse(json.out)
  })

  it('passes the matched reports to the host checks: a failing and a passing verdict', () => {
    assert.equal(json.code, 1, json.err)
    const bad = find(doc.findings, 'host-security-updates-applied', 'web-02')!
    assert.equal(bad.status, 'fail')
    assert.match(bad.message, /2 security updates pending/)
    const good = find(doc.findings, 'host-security-updates-applied', 'web-01')!
    assert.equal(good.status, 'pass', good.message)
    assert.equal(good.evidence?.matchedBy, 'instance-id')
    for (const check of ['host-ssh-no-root-login', 'host-monitoring-agent', 'host-os-supported'])
      assert.equal(find(doc.findings, check, 'web-01')?.status, 'pass', check)
    // Servers without a report: manual, with the command that collects one.
    const none = find(doc.findings, 'host-ssh-no-root-login', 'app-02')!
    assert.equal(none.status, 'manual')
    assert.match(none.message, /no host report; collect one with: sphere host script/)
  })

  it('matches a report without instance id by hostname + private IP, and says so', () => {
    const f = find(doc.findings, 'host-ssh-no-password-login', 'app-01')!
    assert.equal(f.status, 'fail')
    assert.equal(f.evidence?.matchedBy, 'hostname+ip')
    const note = doc.notes.find((n) => n.source === 'host-reports/app-01.json')!
    assert.equal(note.code, 'host-report-matched')
    assert.match(
      note.message,
      new RegExp(`by hostname app-01 and private IP ${server('app-01').ip}`),
    )
    assert.match(
      doc.notes.find((n) => n.source === 'host-reports/web-01.json')!.message,
      /^matched server web-01 .* by instance id; collected .*1 day ago$/,
    )
  })

  it('a stale report: every host check of that server is an error with the reason', () => {
    const fs = doc.findings.filter(
      (f) => f.checkId.startsWith('host-') && f.resource.name === 'db-01',
    )
    assert.equal(fs.length, 7)
    for (const f of fs) {
      assert.equal(f.status, 'error', f.checkId)
      assert.match(f.message, /host report is 20 days old .*limit 7 days\); collect a new one/)
    }
    const note = doc.notes.find((n) => n.source === 'host-reports/db-01.json')!
    assert.deepEqual([note.level, note.code], ['warning', 'host-report-stale'])
  })

  it('lists reports that match no server, and names every file that could not be used', () => {
    const by = (source: string) => doc.notes.find((n) => n.source === `host-reports/${source}`)
    assert.equal(by('gone.json')?.code, 'host-report-unmatched')
    assert.match(by('gone.json')!.message, /instance id deadbeef-.*hostname old-web-9/)
    // A raw collector output is read too (its VM is not in this project).
    assert.equal(by('raw-ubuntu.txt')?.code, 'host-report-unmatched')
    assert.equal(by('broken.json')?.code, 'host-report-invalid')
    assert.match(by('broken.json')!.message, /patching\.pending/)
    assert.match(by('junk.txt')!.message, /not collector output/)
    assert.match(by('truncated.json')!.message, /invalid JSON/)
    // The report of the broken file was not used: bastion-01 stays manual.
    assert.equal(find(doc.findings, 'host-ssh-no-root-login', 'bastion-01')?.status, 'manual')
    // …and stderr says it too, whatever the format.
    assert.match(
      json.err,
      /host reports: 3 matched, 1 stale, 2 matching no server, 0 superseded, 3 invalid/,
    )
    assert.match(json.err, /warning: host-reports\/broken\.json: not used: patching\.pending/)
  })

  it('every format shows the host report notes (CSV and OCSF, findings only, on stderr)', async () => {
    for (const format of ['text', 'markdown', 'sarif', 'html']) {
      const r = await scan(['--host-reports', reports, '--format', format])
      assert.equal(r.code, 1, format)
      assert.match(r.out, /gone\.json/, `${format} lists the unmatched report`)
      assert.match(r.out, /broken\.json/, `${format} names the malformed file`)
      assert.match(r.out, /matches no server/, format)
    }
    const text = await scan(['--host-reports', reports])
    assert.match(text.out, /^Notes$/m)
    assert.match(text.out, /warning\s+host-reports\/gone\.json\s+matches no server/)
    for (const format of ['csv', 'ocsf']) {
      const r = await scan(['--host-reports', reports, '--format', format])
      assert.match(r.err, /host-reports\/gone\.json: matches no server/, format)
      assert.match(r.out, /host-security-updates-applied/, format)
    }
  })

  it('the staleness limit follows hostReportMaxAgeDays of --config', async () => {
    writeFileSync(join(dir, 'cfg.yaml'), 'thresholds:\n  hostReportMaxAgeDays: 30\n')
    const r = await scan(['--host-reports', reports, '--config', 'cfg.yaml', '--format', 'json'])
    const d = JSON.parse(r.out) as { findings: Finding[] }
    assert.equal(find(d.findings, 'host-ssh-no-root-login', 'db-01')?.status, 'pass')
  })

  it('a missing directory stops the scan before it reads the cloud: exit 2', async () => {
    const r = await scan(['--host-reports', 'no-such-dir'])
    assert.equal(r.code, 2)
    assert.match(r.err, /--host-reports: .*no-such-dir: no such file or directory/)
    assert.equal(r.out, '')
  })
})

describe('sphere demo with the demo world host reports', () => {
  it('shows real host verdicts next to manual ones and lists the unmatched report', async () => {
    const c = captureIO({ cwd: dir, env: { NO_COLOR: '1' } })
    const html = join(dir, 'demo.html')
    assert.equal(await runCli(['demo', '--html', html], c.io), 0, c.err())
    const out = c.out()
    // Failing findings are grouped by check: a header line, then one entry per resource.
    const group = (id: string) =>
      out.split('\n\n').find((b) => new RegExp(`^  [A-Z]+  ${id}: `).test(b)) ?? ''
    assert.match(
      group('host-security-updates-applied'),
      /- web-02 .*\n.*4 security updates pending/,
    )
    assert.match(
      group('host-os-supported'),
      /- legacy-01 .*\n.*CentOS Linux 7, past its end of standard support/,
    )
    assert.match(group('host-ssh-no-password-login'), /- app-01 /)
    assert.match(group('host-ssh-no-root-login'), /- db-01 /)
    assert.match(group('host-monitoring-agent'), /- db-01 /)
    assert.match(
      out,
      /host-ssh-no-root-login\s+\d+×\s+server "build-01".*host report is 31 days old/,
    )
    assert.match(out, /demo-hosts\/app-01\.json\s+matched server app-01 .* by hostname app-01/)
    assert.match(out, /demo-hosts\/old-web-03\.json\s+matches no server/)
    const page = readFileSync(html, 'utf8')
    assert.match(page, /app-02[^\]]{0,80}no host report; collect one with/)
    assert.match(page, /web-01[^\]]{0,80}: no security update pending/)
  })
})
