/**
 * Paths a user gets wrong: each is refused before any API call with exit 2 and one line naming
 * the flag and the path; nothing is written, nothing half.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
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

const dir = mkdtempSync(join(tmpdir(), 'sphere-hostile-paths-'))
let emu: RunningEmulator
let env: Record<string, string>
before(async () => {
  emu = await startEmulator({ world: 'demo', port: 0 })
  const file = join(dir, 'clouds.yaml')
  writeFileSync(
    file,
    writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
  )
  env = { OS_CLIENT_CONFIG_FILE: file, OS_CLOUD: 'demo' }
  mkdirSync(join(dir, 'a-dir'))
  writeFileSync(join(dir, 'a-file.txt'), 'text')
})
after(async () => {
  await emu.close()
  rmSync(dir, { recursive: true, force: true })
})

const requests = () => emu.emulator.stats().requests.total

/** Runs `sphere args`, expects exit 2 with `message`, no request to the cloud and no new file. */
async function refused(args: string[], message: RegExp) {
  const before = requests()
  const files = readdirSync(dir).sort()
  const r = await sphere(args, { cwd: dir, env })
  assertClean(r, { code: 2, message })
  assert.equal(requests(), before, 'no request was sent to the cloud')
  assert.deepEqual(readdirSync(dir).sort(), files, 'no file was written')
  assert.equal(r.out, '')
}

describe('paths that cannot be used: exit 2 before any API call', () => {
  const cases: [string, string[], RegExp][] = [
    [
      '--inventory missing',
      ['scan', '--inventory', 'nope.json'],
      /--inventory: .*nope\.json: no such file/,
    ],
    [
      '--inventory a directory',
      ['scan', '--inventory', 'a-dir'],
      /--inventory: .*a-dir: is a directory/,
    ],
    ['--inventory empty', ['scan', '--inventory', ''], /--inventory: "": expected a file path/],
    [
      '--output into a missing directory',
      ['scan', '--output', 'no/such/dir/r.json'],
      /--output: .*r\.json: directory .*no\/such\/dir does not exist/,
    ],
    [
      '--output onto a directory',
      ['scan', '--output', 'a-dir'],
      /--output: .*a-dir: is a directory/,
    ],
    ['--output empty', ['scan', '--output', ''], /--output: "": expected a file path/],
    [
      '--output ending in a slash',
      ['scan', '--output', 'new-dir/'],
      /--output: .*names a directory/,
    ],
    [
      '--output below a file',
      ['scan', '--output', 'a-file.txt/r.json'],
      /--output: .*a-file\.txt\/r\.json: .*not a directory/,
    ],
    [
      '--output into /proc',
      ['scan', '--output', '/proc/sphere-report.json'],
      /--output: \/proc\/sphere-report\.json: /,
    ],
    [
      '--save-inventory into a missing directory',
      ['scan', '--save-inventory', 'nodir/i.json'],
      /--save-inventory: .*directory .*nodir does not exist/,
    ],
    [
      '--config missing',
      ['scan', '--config', 'sphere.yaml'],
      /--config: .*sphere\.yaml: no such file/,
    ],
    ['--config a directory', ['scan', '--config', 'a-dir'], /--config: .*a-dir: is a directory/],
    [
      '--mutelist missing',
      ['scan', '--mutelist', 'mutes.yaml'],
      /--mutelist: .*mutes\.yaml: no such file/,
    ],
    [
      '--host-reports a file',
      ['scan', '--host-reports', 'a-file.txt'],
      /--host-reports: .*a-file\.txt: is not a directory/,
    ],
    [
      '--host-reports missing',
      ['scan', '--host-reports', 'reports'],
      /--host-reports: .*reports: no such file/,
    ],
    [
      'host parse --output into a missing directory',
      ['host', 'parse', '--output', 'x/y.json'],
      /--output: .*directory .*x does not exist/,
    ],
    [
      'host parse --input a directory',
      ['host', 'parse', '--input', 'a-dir'],
      /--input: .*a-dir: is a directory/,
    ],
    [
      'demo --html into a missing directory',
      ['demo', '--html', 'out/report.html'],
      /--html: .*directory .*out does not exist/,
    ],
    [
      'demo --html onto a directory',
      ['demo', '--html', 'a-dir'],
      /--html: .*a-dir: is a directory/,
    ],
  ]
  for (const [name, args, message] of cases) it(name, () => refused(args, message))

  it('--output to /dev/full: exit 2 after the scan, the result saved as JSON elsewhere', async () => {
    const r = await sphere(['scan', '--format', 'json', '--output', '/dev/full'], { cwd: dir, env })
    assertClean(r, {
      code: 2,
      message:
        /--output: \/dev\/full: cannot write: no space left on device \(ENOSPC\); the scan result \(JSON\) was saved to \S+\.json/,
    })
    const saved = /saved to (\S+\.json)/.exec(r.err)![1]!
    assert.ok(existsSync(saved))
    rmSync(saved)
  })
})
