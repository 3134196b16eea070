import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scanResultFixture } from '../engine/testing.ts'
import { renderJson } from '../reports/json.ts'
import { type DiffSide, diffScans, newFailuresAtOrAbove } from './diff.ts'
import type { StoredDuty, StoredFinding } from './read.ts'

const base: StoredFinding[] = JSON.parse(renderJson(scanResultFixture())).findings
const side = (findings: StoredFinding[], duties: StoredDuty[] = []): DiffSide => ({
  label: 'x',
  startedAt: '2026-01-01T00:00:00Z',
  findings,
  duties,
})
const withStatus = (f: StoredFinding, status: StoredFinding['status']) => ({ ...f, status })

describe('diffScans', () => {
  const pass = base.find((f) => f.status === 'pass')!
  const fail = base.find((f) => f.status === 'fail')!

  it('identical scans: nothing new, nothing fixed, every fail still failing', () => {
    const d = diffScans(side(base), side(base))
    assert.deepEqual(
      [d.newFailures.length, d.fixed.length, d.changed.length, d.duties.length],
      [0, 0, 0, 0],
    )
    assert.equal(d.stillFailing.length, base.filter((f) => f.status === 'fail').length)
  })

  it('pass → fail is new; fail → pass is fixed; a failing resource that is gone is fixed', () => {
    const after = base
      .filter((f) => f !== fail)
      .map((f) => (f === pass ? withStatus(f, 'fail') : f))
    const d = diffScans(side(base), side(after))
    assert.deepEqual(
      d.newFailures.map((f) => f.fingerprint),
      [pass.fingerprint],
    )
    assert.deepEqual(
      d.fixed.map((f) => f.fingerprint),
      [fail.fingerprint],
    )
    const back = diffScans(side(after), side(base))
    assert.deepEqual(
      back.fixed.map((f) => f.fingerprint),
      [pass.fingerprint],
    )
    assert.deepEqual(
      back.newFailures.map((f) => f.fingerprint),
      [fail.fingerprint],
    )
  })

  it('other status changes are listed with from and to; a muted fail is not fixed', () => {
    const after = base.map((f) =>
      f === pass ? withStatus(f, 'error') : f === fail ? withStatus(f, 'muted') : f,
    )
    const d = diffScans(side(base), side(after))
    assert.deepEqual(d.changed.map((c) => [c.from, c.to]).sort(), [
      ['fail', 'muted'],
      ['pass', 'error'],
    ])
    assert.equal(d.fixed.length, 0)
  })

  it('duty changes per scope and for the organisation, appearing and disappearing', () => {
    const scope = base[0]!.scope
    const duty = (
      id: string,
      status: StoredDuty['status'],
      s: StoredDuty['scope'] = null,
    ): StoredDuty => ({ id, status, scope: s, owner: 'customer', reason: '' })
    const d = diffScans(
      side([], [duty('a', 'met'), duty('a', 'met', scope), duty('gone', 'met')]),
      side([], [duty('a', 'not_met'), duty('a', 'met', scope), duty('new', 'unknown', scope)]),
    )
    assert.deepEqual(
      d.duties.map((c) => [c.id, c.scope === null, c.from, c.to]),
      [
        ['a', true, 'met', 'not_met'],
        ['gone', true, 'met', null],
        ['new', false, null, 'unknown'],
      ],
    )
  })

  it('--fail-on-new counts only new failures at or above the threshold', () => {
    const after = base.map((f) =>
      f === pass ? { ...withStatus(f, 'fail'), severity: 'medium' as const } : f,
    )
    const d = diffScans(side(base), side(after))
    assert.equal(newFailuresAtOrAbove(d, 'high').length, 0)
    assert.equal(newFailuresAtOrAbove(d, 'medium').length, 1)
    assert.equal(newFailuresAtOrAbove(d, 'info').length, 1)
  })
})
