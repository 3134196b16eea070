/**
 * Shared by the compliance end-to-end tests: the demo organisation served by the emulator on a
 * real port, scanned once through the real CLI into a JSON report and a saved inventory.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before } from 'node:test'
import { captureIO } from '../../src/cli/_capture.ts'
import { runCli } from '../../src/cli/main.ts'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'

/** Registers before/after hooks that scan the demo world; returns the paths and a CLI runner. */
export function demoScan() {
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
  return { dir, report, inventory, sphere, unprotectedServers }
}
