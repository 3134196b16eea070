/**
 * `sphere scan` as a user runs it: a clouds.yaml pointing at the emulator on a real port, every
 * report format, the exit codes, and every kind of bad input giving one clear message.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

const dir = mkdtempSync(join(tmpdir(), 'sphere-scan-'))
const servers: RunningEmulator[] = []
after(async () => {
  for (const s of servers) await s.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Starts an emulator and writes a clouds.yaml entry `name` for it (optionally another user). */
async function cloud(
  name: string,
  opts: Parameters<typeof startEmulator>[0],
  user?: { username: string; password: string },
) {
  const emu = await startEmulator(opts)
  servers.push(emu)
  const login = { ...loginFor(emu.emulator.world), ...user }
  const file = join(dir, `${name}.yaml`)
  writeFileSync(file, writeCloudsYaml({ authUrl: emu.authUrl, cloudName: name, ...login }))
  return { emu, file, login }
}

async function scan(file: string, args: string[]) {
  const c = captureIO({ env: { OS_CLIENT_CONFIG_FILE: file }, cwd: dir })
  const code = await runCli(['scan', ...args], c.io)
  return { code, out: c.out(), err: c.err() }
}

describe('sphere scan against the emulator', () => {
  let demo: Awaited<ReturnType<typeof cloud>>
  before(async () => {
    demo = await cloud('demo', { world: 'demo', port: 0 })
  })

  it('text: every customer duty, failing findings, summary; exit 1', async () => {
    const r = await scan(demo.file, ['--os-cloud', 'demo'])
    assert.equal(r.code, 1, r.err)
    for (const duty of [
      'resource-combination',
      'network-access',
      'guest-os',
      'authorization',
      'backup-restore',
      'monitoring',
      'data-protection',
    ]) {
      assert.match(r.out, new RegExp(`${duty}\\s+customer.*NOT MET`))
    }
    assert.match(r.out, /hypervisor\s+provider\s+.*INHERITED/)
    assert.match(r.out, /^Summary: /m)
  })

  it('json: every customer duty has at least one failing and one passing resource in the demo world', async () => {
    const r = await scan(demo.file, ['--os-cloud', 'demo', '--format', 'json'])
    const doc = JSON.parse(r.out)
    assert.equal(doc.schemaVersion, 2)
    assert.equal(doc.scopes[0].scope.projectId.length > 0, true)
    const api = doc.duties.filter(
      (d: { id: string }) =>
        !['security-patches', 'software-updates'].includes(d.id) && !d.id.includes('-') === false,
    )
    assert.ok(api.length > 0)
    for (const duty of [
      'resource-combination',
      'network-access',
      'guest-os',
      'authorization',
      'backup-restore',
      'monitoring',
      'data-protection',
    ]) {
      const fs = doc.findings.filter((f: { duty: string }) => f.duty === duty)
      assert.ok(
        fs.some((f: { status: string }) => f.status === 'fail'),
        `${duty} has a failing resource`,
      )
      assert.ok(
        fs.some((f: { status: string }) => f.status === 'pass'),
        `${duty} has a passing resource`,
      )
    }
    assert.equal(doc.password, undefined)
    assert.doesNotMatch(r.out, new RegExp(demo.login.password.replace(/[!]/g, '\\!')))
  })

  it('--fail-on critical still exits 1 (critical findings exist); --checks narrows the scan', async () => {
    assert.equal(
      (await scan(demo.file, ['--os-cloud', 'demo', '--fail-on', 'critical', '--format', 'csv']))
        .code,
      1,
    )
    const r = await scan(demo.file, [
      '--os-cloud',
      'demo',
      '--checks',
      'evs-volume-encrypted',
      '--format',
      'json',
    ])
    const doc = JSON.parse(r.out)
    assert.deepEqual(
      [...new Set(doc.findings.map((f: { checkId: string }) => f.checkId))].filter(
        (id) => !String(id).startsWith('host'),
      ),
      ['evs-volume-encrypted'],
    )
  })

  it('--save-inventory then --inventory evaluates offline to the same findings', async () => {
    const inv = join(dir, 'inv.json')
    const live = await scan(demo.file, [
      '--os-cloud',
      'demo',
      '--format',
      'json',
      '--save-inventory',
      inv,
    ])
    assert.match(live.err, /inventory written to/)
    const offline = await scan(demo.file, ['--inventory', inv, '--format', 'json'])
    const strip = (t: string) =>
      JSON.parse(t)
        .findings.map(
          (f: { checkId: string; resource: { id: string }; status: string }) =>
            `${f.checkId} ${f.resource.id} ${f.status}`,
        )
        .sort()
    assert.deepEqual(strip(offline.out), strip(live.out))
    assert.doesNotMatch(readFileSync(inv, 'utf8'), /Sphere-Demo-2024/)
  })

  it('a tag mute holds on the live scan and on its saved inventory alike', async () => {
    const inv = join(dir, 'inv-tags.json')
    const ml = join(dir, 'tags-mutelist.yaml')
    writeFileSync(
      ml,
      "mutes:\n  - { check: '*', resource: '*', tag: tier=web, reason: web tier }\n",
    )
    const args = ['--format', 'json', '--mutelist', ml]
    const live = await scan(demo.file, ['--os-cloud', 'demo', ...args, '--save-inventory', inv])
    const offline = await scan(demo.file, ['--inventory', inv, ...args])
    // The findings on the servers tagged tier=web (web-01, web-02): failures become muted.
    const web = (t: string) =>
      JSON.parse(t)
        .findings.filter(
          (f: { resource: { type: string; name: string } }) =>
            f.resource.type === 'ecs.server' && /^web-0[12]$/.test(f.resource.name),
        )
        .map((f: { checkId: string; resource: { name: string }; status: string }) =>
          [f.checkId, f.resource.name, f.status].join(' '),
        )
        .sort()
    const found = web(live.out)
    assert.ok(
      found.some((f: string) => f.endsWith(' muted')),
      found.join('\n'),
    )
    assert.ok(!found.some((f: string) => f.endsWith(' fail')), found.join('\n'))
    assert.deepEqual(web(offline.out), found, 'the saved inventory keeps the tags')
    assert.match(readFileSync(inv, 'utf8'), /"tags":\{"tier":"web","env":"prod"\}/)
  })

  it('--output writes the report to a file', async () => {
    const out = join(dir, 'r.sarif')
    const r = await scan(demo.file, ['--os-cloud', 'demo', '--format', 'sarif', '--output', out])
    assert.equal(r.out, '')
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0')
  })
})

describe('sphere scan: a service that always fails', () => {
  it('marks exactly the affected duties unknown, lists the issue in every format, exits 3', async () => {
    const { file } = await cloud('broken', { world: 'empty', port: 0, failServices: ['cts'] })
    // The empty world's only failing finding is its medium-severity password policy.
    const json = await scan(file, ['--os-cloud', 'broken', '--format', 'json', '--fail-on', 'high'])
    assert.equal(json.code, 3, json.err + json.out.slice(0, 400))
    const doc = JSON.parse(json.out)
    assert.ok(
      doc.issues.some(
        (i: { service: string; resourceType: string }) =>
          i.service === 'cts' && i.resourceType === 'cts.tracker',
      ),
    )
    const unknown = doc.duties
      .filter((d: { status: string }) => d.status === 'unknown')
      .map((d: { id: string }) => d.id)
    assert.deepEqual(unknown, ['monitoring'])
    for (const format of ['text', 'sarif', 'ocsf', 'csv', 'html', 'markdown']) {
      const r = await scan(file, ['--os-cloud', 'broken', '--format', format, '--fail-on', 'high'])
      assert.equal(r.code, 3, format)
      assert.match(r.out, /cts\.tracker/, `${format} lists the collection issue`)
    }
  })
})

describe('sphere scan: bad input gives one clear message and exit 2, with no secret', () => {
  it('a malformed clouds.yaml names the file and the line', async () => {
    const f = join(dir, 'bad.yaml')
    writeFileSync(f, 'clouds:\n  x:\n    auth: [unclosed\n')
    const r = await scan(f, ['--os-cloud', 'x'])
    assert.equal(r.code, 2)
    assert.match(r.err, /bad\.yaml/)
    assert.match(r.err, /line \d+/)
  })

  it('an unknown cloud name lists the clouds there are', async () => {
    const { file } = await cloud('known', { world: 'empty', port: 0 })
    const r = await scan(file, ['--os-cloud', 'unknown'])
    assert.equal(r.code, 2)
    assert.match(r.err, /unknown/)
    assert.match(r.err, /known/)
  })

  it('a wrong password: authentication failed, password not printed', async () => {
    const { file } = await cloud(
      'wrongpw',
      { world: 'demo', port: 0 },
      { username: 'sphere-admin', password: 'Not-The-Password-42' },
    )
    const r = await scan(file, ['--os-cloud', 'wrongpw'])
    assert.equal(r.code, 2)
    assert.match(r.err, /authentication failed/i)
    assert.doesNotMatch(r.err + r.out, /Not-The-Password-42/)
  })

  it('an unreachable auth URL says it cannot reach it', async () => {
    const f = join(dir, 'down.yaml')
    writeFileSync(
      f,
      writeCloudsYaml({
        authUrl: 'http://127.0.0.1:9/identity/v3',
        cloudName: 'down',
        username: 'u',
        password: 'Secret-Pass-1',
        projectName: 'p',
        domainName: 'd',
        region: 'eu-de',
      }),
    )
    const r = await scan(f, ['--os-cloud', 'down'])
    assert.equal(r.code, 2)
    assert.match(r.err, /cannot reach|ECONNREFUSED/i)
    assert.doesNotMatch(r.err, /Secret-Pass-1/)
  })

  it('a missing permission is a collection issue naming the call; the scan is incomplete (exit 3 or 1)', async () => {
    const { file } = await cloud(
      'auditor',
      { world: 'demo', port: 0 },
      { username: 'erin.audit', password: 'Erin-Demo-2024!' },
    )
    const r = await scan(file, ['--os-cloud', 'auditor', '--format', 'json'])
    assert.ok(r.code === 1 || r.code === 3)
    const doc = JSON.parse(r.out)
    const cts = doc.issues.find((i: { service: string }) => i.service === 'cts')
    assert.ok(cts, 'the forbidden CTS call is a collection issue')
    assert.equal(cts.errorKind, 'forbidden')
    assert.match(cts.message, /403/)
    assert.doesNotMatch(r.out + r.err, /Erin-Demo-2024/)
  })

  it('a malformed mutelist and config name file, path and expectation', async () => {
    const { file } = await cloud('m', { world: 'empty', port: 0 })
    const ml = join(dir, 'mutes.yaml')
    writeFileSync(ml, 'mutes:\n  - check: evs-volume-encrypted\n    resource: "*"\n')
    const r1 = await scan(file, ['--os-cloud', 'm', '--mutelist', ml])
    assert.equal(r1.code, 2)
    assert.match(r1.err, /mutes\.yaml: mutes\[0\]\.reason/)
    const cfg = join(dir, 'cfg.yaml')
    writeFileSync(cfg, 'thresholds:\n  rpoHours: soon\n')
    const r2 = await scan(file, ['--os-cloud', 'm', '--config', cfg])
    assert.equal(r2.code, 2)
    assert.match(r2.err, /cfg\.yaml: thresholds\.rpoHours/)
  })

  it('a saved inventory of an unknown schema version is refused', async () => {
    const f = join(dir, 'old-inv.json')
    writeFileSync(f, JSON.stringify({ schemaVersion: 99 }))
    const r = await scan(f, ['--inventory', f])
    assert.equal(r.code, 2)
    assert.match(r.err, /unknown inventory schema version 99/)
  })

  it('an unknown check id and an unknown format are usage errors', async () => {
    const { file } = await cloud('u', { world: 'empty', port: 0 })
    assert.equal((await scan(file, ['--os-cloud', 'u', '--format', 'pdf'])).code, 2)
    const r = await scan(file, ['--os-cloud', 'u', '--checks', 'no-such-check'])
    assert.equal(r.code, 2)
    assert.match(r.err, /no-such-check/)
  })
})

describe('sphere emulator: a malformed world file', () => {
  it('names the file and the path, exit 2', async () => {
    const f = join(dir, 'world.yaml')
    writeFileSync(
      f,
      'name: w\ndomain: { name: D }\nprojects: [{ name: p }]\nservers:\n  - { name: s1, flavor: 42 }\n',
    )
    const c = captureIO({ cwd: dir })
    assert.equal(await runCli(['emulator', '--world', f], c.io), 2)
    assert.match(c.err(), /world\.yaml: servers\[0\]/)
  })
})
