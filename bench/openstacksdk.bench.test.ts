/**
 * Keeps the openstacksdk side-by-side honest: on a 20-server world both sides must read the same
 * nine types with the same counts (else the ratio compares different work). No wall is asserted.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  formatSideBySide,
  measureSideBySide,
  SAME_TYPES,
  sdkMissing,
} from './openstacksdk.bench.ts'

const missing = await sdkMissing()

describe('bench/openstacksdk.bench.ts', () => {
  it('Sphere reads every one of the types, and the report says so', async () => {
    const m = await measureSideBySide({ servers: 20, runs: 1, latencyMs: 0, skipSdk: 'test' })
    assert.deepEqual(Object.keys(m.sphere[0]!.counts).sort(), [...SAME_TYPES].sort())
    assert.match(formatSideBySide(m), /openstacksdk: skipped: test/)
  })
  it('openstacksdk reads the same types with the same counts', {
    skip: missing ?? false,
  }, async () => {
    const m = await measureSideBySide({ servers: 20, runs: 1, latencyMs: 0 })
    assert.equal(m.skipped, null)
    assert.deepEqual(m.sdk[0]!.counts, m.sphere[0]!.counts)
    assert.equal(typeof m.ratio, 'number')
    assert.match(formatSideBySide(m), /ratio: {8}openstacksdk ÷ Sphere/)
  })
})
