/**
 * Keeps the guard's micro-benchmark from rotting: it runs on a 20-server world and reports every
 * check. No figure is asserted (timing never is, in tests).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checks } from '../src/checks/index.ts'
import { formatGuard, measureGuard } from './declared-reads.bench.ts'

describe('bench/declared-reads.bench.ts', () => {
  it('times every check bare and scoped on a 20-server world', async () => {
    const r = await measureGuard(20, 1)
    assert.equal(r.servers, 20)
    assert.deepEqual(r.checks.map((c) => c.id).sort(), checks.map((c) => c.id).sort())
    assert.equal(
      r.evaluations,
      r.checks.reduce((s, c) => s + c.resources, 0),
    )
    assert.ok(r.checks.some((c) => c.resources > 0))
    assert.match(formatGuard(r), /all checks: +bare .* scoped .* overhead/)
  })
})
