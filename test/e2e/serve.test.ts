/**
 * `sphere serve` as a process: scheduled scans into the store (--scan-every) shown in the API,
 * refusal to bind beyond loopback without a token, and a clean stop on SIGTERM.
 */
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { loginFor, startEmulator, writeCloudsYaml } from '../../src/emulator/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-serve-'))
const children: ChildProcess[] = []
const closers: (() => Promise<void>)[] = []
after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  for (const c of closers) await c()
  rmSync(dir, { recursive: true, force: true })
})

function sphere(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/sphere.js', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (err += d))
  return { child, out: () => out, err: () => err }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('sphere serve (process)', () => {
  it('--scan-every runs a scan into the store at once; the API shows it and the schedule', async () => {
    const emu = await startEmulator({ world: 'demo', port: 0 })
    closers.push(() => emu.close())
    const clouds = join(dir, 'clouds.yaml')
    writeFileSync(
      clouds,
      writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
    )
    const s = sphere(
      [
        'serve',
        '--db',
        join(dir, 's.db'),
        '--port',
        '0',
        '--scan-every',
        '6h',
        '--os-cloud',
        'demo',
      ],
      { OS_CLIENT_CONFIG_FILE: clouds },
    )
    while (!/http:\/\/127\.0\.0\.1:\d+/.test(s.out())) {
      assert.equal(s.child.exitCode, null, s.err())
      await sleep(100)
    }
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(s.out())![0]
    type Schedule = { running: boolean; last?: { exitCode: number; message: string } } | null
    const poll = async (): Promise<NonNullable<Schedule>['last']> => {
      for (;;) {
        const s = (await (await fetch(`${url}/api/schedule`)).json()) as Schedule
        if (s?.last) return s.last
        await sleep(250)
      }
    }
    const last = (await poll())!
    assert.equal(last.message, `stored as scan 1 in ${join(dir, 's.db')}`)
    assert.equal(last.exitCode, 1) // the demo world has failing findings
    const scans = (await (await fetch(`${url}/api/scans`)).json()) as { id: number }[]
    assert.deepEqual(
      scans.map((x) => x.id),
      [1],
    )
    assert.match(
      await (await fetch(`${url}/`)).text(),
      /Scheduled scans every 6h: last run .*: exit 1 \(stored as scan 1/,
    )
    s.child.kill('SIGTERM')
    await once(s.child, 'exit')
    assert.match(s.err(), /dashboard stopped/)
  })

  it('another address without a token is a usage error; nothing listens', async () => {
    const s = sphere(['serve', '--db', join(dir, 'x.db'), '--host', '0.0.0.0', '--port', '0'])
    const [code] = await once(s.child, 'exit')
    assert.equal(code, 2)
    assert.match(s.err(), /binding 0\.0\.0\.0 \(not loopback\) needs --auth-token/)
  })
})
