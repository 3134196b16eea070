/**
 * A reader that goes away (`| head -1`) and a user who presses Ctrl-C: the run ends quietly with
 * the exit code it would have had, or with 130/143 and one line; no partial file is left.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'
import { assertClean, sphere } from './_kit.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-hostile-signals-'))
const servers: RunningEmulator[] = []
after(async () => {
  for (const s of servers) await s.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Calls `fn` once the emulator has answered its first request (the scan is under way). */
function whenScanning(emu: RunningEmulator, fn: () => void) {
  const poll = setInterval(() => {
    if (emu.emulator.stats().requests.total > 0) {
      clearInterval(poll)
      fn()
    }
  }, 20)
}

async function cloud(name: string, latencyMs: number) {
  const emu = await startEmulator({ world: 'demo', port: 0, latencyMs })
  servers.push(emu)
  const file = join(dir, `${name}.yaml`)
  writeFileSync(
    file,
    writeCloudsYaml({ authUrl: emu.authUrl, cloudName: name, ...loginFor(emu.emulator.world) }),
  )
  return { env: { OS_CLIENT_CONFIG_FILE: file, OS_CLOUD: name }, emu }
}

describe('a closed pipe', () => {
  let env: Record<string, string>
  before(async () => {
    env = (await cloud('fast', 0)).env
  })

  it('scan --format json | head -1: no EPIPE, no stack, the exit code the scan would have had', async () => {
    const full = await sphere(['scan', '--format', 'json'], { cwd: dir, env })
    assert.ok(full.out.length > 128 * 1024, 'more than a pipe buffer of output')
    const r = await sphere(['scan', '--format', 'json'], {
      cwd: dir,
      env,
      onStart: (child) => child.stdout?.once('data', () => child.stdout?.destroy()),
    })
    assertClean(r, { code: full.code ?? -1, quiet: true })
  })

  it('matrix | head -1 and host script | head -1 end quietly with 0', async () => {
    for (const args of [['matrix', '--format', 'json'], ['host', 'script'], ['checks']]) {
      const r = await sphere(args, {
        cwd: dir,
        env,
        onStart: (child) => child.stdout?.once('data', () => child.stdout?.destroy()),
      })
      assertClean(r, { code: 0, quiet: true })
    }
  })
})

describe('Ctrl-C and SIGTERM', () => {
  let env: Record<string, string>
  let emu: RunningEmulator
  before(async () => {
    ;({ env, emu } = await cloud('slow', 300))
  })

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} during a scan: exit ${code}, one line, no report and no temporary file`, async () => {
      const out = join(dir, `${signal}.json`)
      const r = await sphere(['scan', '--format', 'json', '--output', out], {
        cwd: dir,
        env,
        onStart: (child) => {
          // The emulator counts a request after its 300 ms latency: requests the previous test's
          // child sent before it died are counted up to 300 ms later. Reset after they are in.
          setTimeout(() => {
            emu.emulator.resetStats()
            whenScanning(emu, () => child.kill(signal))
          }, 400)
        },
      })
      assertClean(r, {
        code,
        message: new RegExp(`interrupted \\(${signal}\\); stopped, nothing written`),
      })
      assert.equal(r.err.trim().split('\n').length, 1, r.err)
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.includes(signal)),
        [],
        'no report, no temporary file',
      )
    })
  }

  it('SIGINT during sphere demo: whenever it lands, the HTML report is whole or absent', async () => {
    for (const delay of [600, 1500, 2500]) {
      const demoDir = mkdtempSync(join(dir, 'demo-'))
      const r = await sphere(['demo'], {
        cwd: demoDir,
        onStart: (child) => setTimeout(() => child.kill('SIGINT'), delay),
      })
      const files = readdirSync(demoDir)
      if (r.code === 0) {
        assert.deepEqual(files, ['sphere-report.html'])
        assert.match(readFileSync(join(demoDir, files[0]!), 'utf8'), /<\/html>\s*$/)
      } else {
        // Stopped: by our handler (130, one line) or, before it was installed, by the default one.
        if (r.code === 130) assertClean(r, { code: 130, message: /interrupted \(SIGINT\)/ })
        else assert.equal(r.signal, 'SIGINT')
        assert.deepEqual(files, [], 'no report, no temporary file')
      }
    }
  })

  it('SIGINT stops sphere emulator cleanly: exit 0', async () => {
    const r = await sphere(['emulator', '--port', '0'], {
      cwd: dir,
      onStart: (child) => {
        child.stdout?.once('data', () => child.kill('SIGINT'))
      },
    })
    assertClean(r, { code: 0 })
  })
})
