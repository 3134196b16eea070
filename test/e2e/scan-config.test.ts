/**
 * Every key of the scan configuration file (`sphere scan --config`) has an effect, proven here
 * one key at a time against the emulator on a real port; flags win over the file, the
 * environment over the file; a file's key that names a missing file is an error.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { captureIO } from '../../src/cli/_capture.ts'
import { runCli } from '../../src/cli/main.ts'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-scan-config-'))
const servers: RunningEmulator[] = []
after(async () => {
  for (const s of servers) await s.close()
  rmSync(dir, { recursive: true, force: true })
})

async function cloud(name: string, opts: Parameters<typeof startEmulator>[0]) {
  const emu = await startEmulator(opts)
  servers.push(emu)
  const file = join(dir, `${name}.clouds.yaml`)
  writeFileSync(
    file,
    writeCloudsYaml({ authUrl: emu.authUrl, cloudName: name, ...loginFor(emu.emulator.world) }),
  )
  return { emu, file }
}

let n = 0
/** Writes a scan config file with `text` and returns its path. */
function config(text: string): string {
  const file = join(dir, `sphere-${++n}.yaml`)
  writeFileSync(file, text)
  return file
}

interface Finding {
  checkId: string
  status: string
  duty: string
  resource: { id: string; name: string }
}
interface Doc {
  findings: Finding[]
  duties: { id: string; status: string }[]
  issues: { message: string; errorKind: string }[]
}

async function scan(clouds: string, args: string[], env: Record<string, string> = {}) {
  const c = captureIO({ env: { OS_CLIENT_CONFIG_FILE: clouds, ...env }, cwd: dir })
  const code = await runCli(['scan', ...args], c.io)
  const out = c.out()
  const doc = args.includes('json') && out.startsWith('{') ? (JSON.parse(out) as Doc) : undefined
  return { code, out, err: c.err(), doc }
}

const fails = (d: Doc | undefined, check: string) =>
  (d?.findings ?? []).filter((f) => f.checkId === check && f.status === 'fail').length

describe('sphere scan --config: every key does what it says', () => {
  let demo: Awaited<ReturnType<typeof cloud>>
  const base = ['--os-cloud', 'demo', '--format', 'json']
  before(async () => {
    demo = await cloud('demo', { world: 'demo', port: 0 })
  })

  it('failOn: critical with only lower failures exits 0; the flag wins over the file', async () => {
    const file = config('failOn: critical\nduties: [data-protection]\n')
    const r = await scan(demo.file, [...base, '--config', file])
    assert.equal(r.code, 0, r.err)
    assert.ok(fails(r.doc, 'evs-volume-encrypted') > 0, 'lower failures are there')
    const flag = await scan(demo.file, [...base, '--config', file, '--fail-on', 'medium'])
    assert.equal(flag.code, 1)
  })

  it('without failOn the default is low: the same duty exits 1', async () => {
    const r = await scan(demo.file, [...base, '--config', config('duties: [data-protection]\n')])
    assert.equal(r.code, 1)
  })

  it('duties: only those duties are evaluated', async () => {
    const r = await scan(demo.file, [...base, '--config', config('duties: [backup-restore]\n')])
    assert.deepEqual([...new Set(r.doc!.findings.map((f) => f.duty))], ['backup-restore'])
    assert.deepEqual(
      r.doc!.duties.map((d) => d.id),
      ['backup-restore'],
    )
  })

  it('checks.include and checks.exclude select checks; --checks wins over include', async () => {
    const inc = await scan(demo.file, [
      ...base,
      '--config',
      config('checks: { include: [vpc-eip-bound, evs-volume-attached] }\n'),
    ])
    assert.deepEqual([...new Set(inc.doc!.findings.map((f) => f.checkId))].sort(), [
      'evs-volume-attached',
      'vpc-eip-bound',
    ])
    const exc = await scan(demo.file, [
      ...base,
      '--config',
      config('checks: { exclude: [vpc-eip-bound] }\n'),
    ])
    assert.equal(fails(exc.doc, 'vpc-eip-bound'), 0)
    assert.ok(fails(exc.doc, 'evs-volume-attached') > 0)
    // Excluding a check does not hide the provider's duties.
    assert.ok(exc.doc!.duties.some((d) => d.id === 'hypervisor'))
    const flag = await scan(demo.file, [
      ...base,
      '--config',
      config('checks: { include: [vpc-eip-bound] }\n'),
      '--checks',
      'evs-volume-attached',
    ])
    assert.deepEqual(
      [...new Set(flag.doc!.findings.map((f) => f.checkId))],
      ['evs-volume-attached'],
    )
  })

  it('thresholds: a stricter access key age fails more keys', async () => {
    const before = await scan(demo.file, [...base, '--checks', 'iam-access-key-rotated'])
    const after = await scan(demo.file, [
      ...base,
      '--checks',
      'iam-access-key-rotated',
      '--config',
      config('thresholds: { accessKeyMaxAgeDays: 1 }\n'),
    ])
    assert.ok(
      fails(after.doc, 'iam-access-key-rotated') > fails(before.doc, 'iam-access-key-rotated'),
    )
  })

  it('mutelist: relative to the config file, it mutes; a missing one is an error (exit 2)', async () => {
    writeFileSync(
      join(dir, 'mutes.yaml'),
      'mutes:\n  - { check: vpc-eip-bound, resource: "*", reason: "reserved addresses" }\n',
    )
    const r = await scan(demo.file, [...base, '--config', config('mutelist: ./mutes.yaml\n')])
    assert.equal(fails(r.doc, 'vpc-eip-bound'), 0)
    assert.ok(r.doc!.findings.some((f) => f.checkId === 'vpc-eip-bound' && f.status === 'muted'))
    const missing = await scan(demo.file, [...base, '--config', config('mutelist: ./nope.yaml\n')])
    assert.equal(missing.code, 2)
    assert.match(missing.err, /sphere-\d+\.yaml: mutelist: .*nope\.yaml: no such file/)
    assert.equal(missing.out, '')
  })

  it('regions: a region the catalog lacks exits 2 naming the catalog regions; OS_REGION_NAME wins over it', async () => {
    const file = config('regions: [eu-nowhere]\n')
    const r = await scan(demo.file, [...base, '--config', file])
    assert.equal(r.code, 2)
    assert.match(r.err, /region "eu-nowhere" is not in the service catalog.*the catalog has: eu-de/)
    const env = await scan(demo.file, [...base, '--config', file, '--duty', 'data-protection'], {
      OS_REGION_NAME: 'eu-de',
    })
    assert.equal(env.code, 1, env.err)
    const flag = await scan(demo.file, [...base, '--config', file, '--region', 'eu-de'])
    assert.ok(flag.doc)
  })

  it('allowIncomplete: an incomplete scan exits 0 instead of 3', async () => {
    const broken = await cloud('broken', { world: 'demo', port: 0, failServices: ['ces'] })
    // The Cloud Eye checks only: monitoring also has OBS logging findings, which still evaluate.
    const args = [
      '--os-cloud',
      'broken',
      '--format',
      'json',
      '--checks',
      'ces-server-alarm,ces-alarm-notifies',
    ]
    const strict = await scan(broken.file, [...args, '--fail-on', 'critical'])
    assert.equal(strict.code, 3)
    assert.match(strict.err, /scan incomplete: 1 collection issue; duties unknown: monitoring/)
    const allowed = await scan(broken.file, [
      ...args,
      '--config',
      config('failOn: critical\nallowIncomplete: true\n'),
    ])
    assert.equal(allowed.code, 0, allowed.err)
    const flag = await scan(broken.file, [...args, '--fail-on', 'critical', '--allow-incomplete'])
    assert.equal(flag.code, 0)
  })

  it('concurrency: the client never has more requests in flight per endpoint', async () => {
    const slow = await cloud('slow', { world: 'demo', port: 0, latencyMs: 30 })
    const run = async (text: string) => {
      slow.emu.emulator.resetStats()
      await scan(slow.file, ['--os-cloud', 'slow', '--format', 'json', '--config', config(text)])
      return slow.emu.emulator.load().peakInFlight
    }
    const one = await run('concurrency: 1\n')
    assert.ok(
      Object.values(one).every((v) => v === 1),
      JSON.stringify(one),
    )
    const many = await run('concurrency: 8\n')
    assert.ok(
      Object.values(many).some((v) => (v ?? 0) > 1),
      JSON.stringify(many),
    )
  })

  // The IAM checks of `authorization` (its OBS and DCS checks would add their own endpoints).
  const IAM_CHECKS =
    'iam-user-mfa-enabled,iam-access-key-rotated,iam-access-key-used,iam-user-active'
  it('requestsPerSecond: no endpoint gets more requests in a second than the rate (plus one burst)', async () => {
    const free = await scan(demo.file, [...base, '--checks', IAM_CHECKS])
    assert.ok(free.doc)
    demo.emu.emulator.resetStats()
    await scan(demo.file, [...base, '--checks', IAM_CHECKS])
    const unlimited = demo.emu.emulator.load().peakPerSecond.iam ?? 0
    assert.ok(unlimited > 4, `without a limit IAM saw ${unlimited} requests in a second`)
    demo.emu.emulator.resetStats()
    await scan(demo.file, [
      ...base,
      '--checks',
      IAM_CHECKS,
      '--config',
      config('requestsPerSecond: 3\n'),
    ])
    // The limiter is a token bucket of 3 per second with a burst of 3: saturated, the burst and a
    // second of refills (3 + 3) is the most any one-second window of arrivals can hold.
    const peak = demo.emu.emulator.load().peakPerSecond
    for (const [service, v] of Object.entries(peak))
      assert.ok((v ?? 0) <= 6, `${service}: ${v} requests within one second`)
  })

  it('apiTimeoutSeconds: a request slower than it times out (exit 2 when even auth cannot finish)', async () => {
    const slow = await cloud('slower', { world: 'demo', port: 0, latencyMs: 400 })
    const r = await scan(slow.file, [
      '--os-cloud',
      'slower',
      '--config',
      config('apiTimeoutSeconds: 0.1\nauthTimeoutSeconds: 1\n'),
    ])
    assert.equal(r.code, 2)
    assert.match(
      r.err,
      /no response from http:\/\/127\.0\.0\.1:\d+ within 1 s \(attempts of 0\.1 s each\)/,
    )
  })

  it('authTimeoutSeconds: a silent Keystone is given up after the budget', async () => {
    const sockets = new Set<Socket>()
    const silent = createServer((s) => {
      sockets.add(s)
      s.on('error', () => {})
    })
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const port = (silent.address() as { port: number }).port
    const clouds = join(dir, 'silent.yaml')
    writeFileSync(
      clouds,
      writeCloudsYaml({
        authUrl: `http://127.0.0.1:${port}/v3`,
        cloudName: 'silent',
        username: 'u',
        password: 'Silent-Pass-1',
        projectName: 'eu-de',
        domainName: 'OTC0001',
        region: 'eu-de',
      }),
    )
    try {
      const started = Date.now()
      const r = await scan(clouds, [
        '--os-cloud',
        'silent',
        '--config',
        config('authTimeoutSeconds: 1\n'),
      ])
      assert.equal(r.code, 2)
      assert.match(
        r.err,
        /\/v3\/auth\/tokens: no response from http:\/\/127\.0\.0\.1:\d+ within 1 s/,
      )
      assert.ok(Date.now() - started < 6000)
      assert.ok(!r.err.includes('Silent-Pass-1'))
    } finally {
      for (const s of sockets) s.destroy()
      silent.close()
    }
  })

  it('timeoutSeconds: what was not read when the time is up becomes collection issues (exit 3)', async () => {
    const slow = await cloud('slowest', { world: 'demo', port: 0, latencyMs: 250 })
    const r = await scan(slow.file, [
      '--os-cloud',
      'slowest',
      '--format',
      'json',
      '--fail-on',
      'critical',
      '--duty',
      'authorization',
      '--config',
      config('timeoutSeconds: 1\n'),
    ])
    assert.equal(r.code, 3, r.err)
    assert.ok(r.doc!.issues.length > 0)
    assert.ok(r.doc!.issues.every((i) => /scan time limit of 1 s reached/.test(i.message)))
  })

  it('an unknown key is refused, naming the keys there are', async () => {
    const r = await scan(demo.file, [...base, '--config', config('keyRotationDays: 30\n')])
    assert.equal(r.code, 2)
    assert.match(r.err, /unknown key "keyRotationDays"; expected one of: thresholds, concurrency/)
  })
})
