/**
 * The request floor measures what it says: bare requests to a running emulator, never faster than
 * the latency the emulator adds (a lower bound, less the timer's 1 ms granularity), and null for a world without
 * access keys.
 */
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { passwordCloudConfig } from '../src/config/cloud-config.ts'
import { loginFor, type RunningEmulator, startEmulator } from '../src/emulator/index.ts'
import { measureRequestFloor } from './_floor.ts'

const running: RunningEmulator[] = []
after(async () => {
  for (const e of running) await e.close()
})

async function configOf(world: 'demo' | 'empty', latencyMs: number) {
  const emu = await startEmulator({ world, port: 0, latencyMs })
  running.push(emu)
  return passwordCloudConfig({ authUrl: emu.authUrl, ...loginFor(emu.emulator.world) })
}

describe('measureRequestFloor', () => {
  it('times bare key lookups on the emulator: at least its latency each', async () => {
    const f = await measureRequestFloor(await configOf('demo', 5), 2, 8)
    assert.ok(f, 'the demo world has access keys')
    assert.equal(f.requests, 8)
    // ≥ the latency less 1 ms: a timer may fire up to 1 ms early against the wall clock.
    assert.ok(f.requestMs >= 4 && Number.isFinite(f.requestMs), String(f.requestMs))
  })

  it('is null when the world has no access key to ask for', async () => {
    assert.equal(await measureRequestFloor(await configOf('empty', 0), 2, 4), null)
  })
})
