/**
 * The history store end to end: `sphere scan --store` twice against the emulator with one change
 * to the world between (a port opened to the internet), then `sphere history` and `sphere diff`
 * name exactly that change; on SQLite and, when the test cluster runs, on PostgreSQL.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { captureIO } from '../../src/cli/_capture.ts'
import { runCli } from '../../src/cli/main.ts'
import { applyChange, loginFor, startEmulator, writeCloudsYaml } from '../../src/emulator/index.ts'
import { BACKENDS, freshLocation, pgSkip } from '../../src/store/testing.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-history-'))
const cleanup: (() => Promise<void>)[] = []
after(async () => {
  for (const c of cleanup) await c()
  rmSync(dir, { recursive: true, force: true })
})

async function sphere(args: string[], env: Record<string, string> = {}) {
  const c = captureIO({ env, cwd: dir })
  const code = await runCli(args, c.io)
  return { code, out: c.out(), err: c.err() }
}

for (const kind of BACKENDS) {
  describe(`scan --store, history and diff: ${kind}`, {
    skip: kind === 'postgres' ? pgSkip() : false,
  }, () => {
    it('two scans with one port opened between: diff names exactly that change', async () => {
      const emu = await startEmulator({ world: 'demo', port: 0 })
      cleanup.push(() => emu.close())
      const clouds = join(dir, `clouds-${kind}.yaml`)
      writeFileSync(
        clouds,
        writeCloudsYaml({
          authUrl: emu.authUrl,
          cloudName: 'demo',
          ...loginFor(emu.emulator.world),
        }),
      )
      const loc = await freshLocation(kind)
      cleanup.push(loc.drop)
      const env = { OS_CLIENT_CONFIG_FILE: clouds }
      const scan = [
        'scan',
        '--os-cloud',
        'demo',
        '--store',
        '--db',
        loc.spec,
        '--format',
        'json',
        '-o',
        join(dir, `r-${kind}.json`),
      ]
      const first = await sphere(scan, env)
      assert.equal(first.code, 1, first.err)
      assert.match(first.err, /stored as scan 1 in /)
      applyChange(emu.emulator.world, 'open-port=sg-app:3389')
      const second = await sphere(scan, env)
      assert.match(second.err, /stored as scan 2 in /)

      const history = await sphere(['history', '--db', loc.spec, '--format', 'json'])
      assert.equal(history.code, 0, history.err)
      const scans = JSON.parse(history.out)
      assert.deepEqual(
        scans.map((s: { id: number }) => s.id),
        [1, 2],
      )
      assert.equal(
        scans[1].summary.failsBySeverity.critical + scans[1].summary.failsBySeverity.high,
        scans[0].summary.failsBySeverity.critical + scans[0].summary.failsBySeverity.high + 1,
      )

      const diff = await sphere(['diff', '--db', loc.spec, '--format', 'json'])
      assert.equal(diff.code, 0, diff.err)
      const d = JSON.parse(diff.out)
      assert.equal(
        d.newFailures.length,
        1,
        JSON.stringify(
          d.newFailures.map((f: { checkId: string; resource: { name: string } }) => [
            f.checkId,
            f.resource.name,
          ]),
        ),
      )
      assert.equal(d.newFailures[0].resource.name, 'sg-app')
      assert.equal(d.newFailures[0].resource.type, 'vpc.security-group')
      assert.match(d.newFailures[0].message, /3389/)
      assert.deepEqual([d.fixed.length, d.changed.length, d.duties.length], [0, 0, 0])
      assert.ok(d.stillFailing.length > 10)

      const text = await sphere(['diff', '--db', loc.spec])
      assert.match(text.out, /^1 new failures, 0 fixed/m)
      assert.match(text.out, /sg-app/)
      const md = await sphere(['diff', '1', '2', '--db', loc.spec, '--format', 'markdown'])
      assert.match(md.out, /^### New failures \(1\)/m)
      assert.equal(
        (await sphere(['diff', '--db', loc.spec, '--fail-on-new', 'critical'])).code,
        d.newFailures[0].severity === 'critical' ? 1 : 0,
      )
      assert.equal((await sphere(['diff', '--db', loc.spec, '--fail-on-new', 'info'])).code, 1)
      // The reverse direction: the port counts as fixed, nothing fails anew.
      const back = JSON.parse(
        (await sphere(['diff', '2', '1', '--db', loc.spec, '--format', 'json'])).out,
      )
      assert.deepEqual([back.newFailures.length, back.fixed.length], [0, 1])
      assert.equal(
        (await sphere(['diff', '2', '1', '--db', loc.spec, '--fail-on-new', 'info'])).code,
        0,
      )
    })
  })
}

describe('sphere diff of two JSON reports, and errors', () => {
  it('compares two report files without a store', async () => {
    const emu = await startEmulator({ world: 'demo', port: 0 })
    cleanup.push(() => emu.close())
    const clouds = join(dir, 'clouds-files.yaml')
    writeFileSync(
      clouds,
      writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
    )
    const env = { OS_CLIENT_CONFIG_FILE: clouds }
    await sphere(['scan', '--os-cloud', 'demo', '--format', 'json', '-o', join(dir, 'a.json')], env)
    applyChange(emu.emulator.world, 'close-port=sg-windows-rdp:3389')
    await sphere(['scan', '--os-cloud', 'demo', '--format', 'json', '-o', join(dir, 'b.json')], env)
    const r = await sphere([
      'diff',
      'a.json',
      'b.json',
      '--format',
      'json',
      '--fail-on-new',
      'info',
    ])
    assert.equal(r.code, 0, r.err)
    const d = JSON.parse(r.out)
    // The group's rule, and the server it exposed.
    assert.deepEqual(d.fixed.map((f: { resource: { name: string } }) => f.resource.name).sort(), [
      'sg-windows-rdp',
      'win-rdp-01',
    ])
    assert.equal(d.newFailures.length, 0)
  })

  it('bad input: one line naming the problem, exit 2', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 2}')
    const bad = await sphere(['diff', 'bad.json', 'bad.json'])
    assert.equal(bad.code, 2)
    assert.match(bad.err, /bad\.json/)
    const none = await sphere(['diff', '--db', join(dir, 'empty.db')])
    assert.equal(none.code, 2)
    assert.match(none.err, /holds no scans/)
    const missing = await sphere(['diff', '7', '9', '--db', join(dir, 'empty.db')])
    assert.match(missing.err, /no scan 7/)
    assert.equal((await sphere(['history', 'prune', '--keep', 'soon'])).code, 2)
    assert.equal((await sphere(['scan', '--db', 'x.db', '--inventory', 'none.json'])).code, 2)
    const empty = await sphere(['history', '--db', join(dir, 'empty.db')])
    assert.match(empty.out, /No scans stored/)
  })

  it('history prune --keep deletes nothing recent', async () => {
    const r = await sphere(['history', 'prune', '--keep', '90d', '--db', join(dir, 'empty.db')])
    assert.equal(r.code, 0, r.err)
    assert.match(r.out, /deleted 0 scans started before /)
  })
})

describe('storing from a scan configuration and from a saved inventory', () => {
  it('store: true and db: in --config store the scan (db relative to the file); --no-store does not', async () => {
    const emu = await startEmulator({ world: 'demo', port: 0 })
    cleanup.push(() => emu.close())
    const clouds = join(dir, 'clouds-config.yaml')
    writeFileSync(
      clouds,
      writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
    )
    const env = { OS_CLIENT_CONFIG_FILE: clouds }
    mkdirSync(join(dir, 'conf'), { recursive: true })
    writeFileSync(join(dir, 'conf', 'sphere.yaml'), 'store: true\ndb: ./history.db\n')
    const inv = join(dir, 'inv.json')
    const first = await sphere(
      [
        'scan',
        '--os-cloud',
        'demo',
        '--config',
        'conf/sphere.yaml',
        '--save-inventory',
        inv,
        '-o',
        join(dir, 'c1.txt'),
      ],
      env,
    )
    assert.match(
      first.err,
      new RegExp(`stored as scan 1 in ${join(dir, 'conf', 'history.db').replace(/[/.]/g, '\\$&')}`),
    )
    const skipped = await sphere(
      [
        'scan',
        '--os-cloud',
        'demo',
        '--config',
        'conf/sphere.yaml',
        '--no-store',
        '-o',
        join(dir, 'c2.txt'),
      ],
      env,
    )
    assert.doesNotMatch(skipped.err, /stored as scan/)
    const offline = await sphere([
      'scan',
      '--inventory',
      inv,
      '--store',
      '--db',
      join(dir, 'conf', 'history.db'),
      '-o',
      join(dir, 'c3.txt'),
    ])
    assert.match(offline.err, /stored as scan 2 in /)
    const h = JSON.parse(
      (await sphere(['history', '--db', join(dir, 'conf', 'history.db'), '--format', 'json'])).out,
    )
    assert.equal(h.length, 2)
    assert.equal(h[0].findings, h[1].findings)
    const d = JSON.parse(
      (await sphere(['diff', '--db', join(dir, 'conf', 'history.db'), '--format', 'json'])).out,
    )
    assert.deepEqual([d.newFailures.length, d.fixed.length, d.changed.length], [0, 0, 0])
  })
})
