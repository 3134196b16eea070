import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { exitCodeFor, incompleteness } from './exit-code.ts'
import { scanResultFixture } from './testing.ts'
import type { DutyResult } from './types.ts'

describe(exitCodeFor.name, () => {
  const r = scanResultFixture()
  const met = (d: DutyResult): DutyResult => (d.status === 'unknown' ? { ...d, status: 'met' } : d)
  const allMet = r.duties.map(met)
  const lowOnly = r.findings.filter((f) => f.status !== 'fail' || f.severity === 'low')

  it('is 1 for a non-muted fail at or above the threshold', () => {
    assert.equal(exitCodeFor(r, 'critical'), 1)
    assert.equal(exitCodeFor(r, 'low'), 1)
  })

  it('is 3 without qualifying fails when collection was incomplete, else 0', () => {
    assert.equal(exitCodeFor({ findings: lowOnly, issues: r.issues, duties: allMet }, 'medium'), 3)
    assert.equal(exitCodeFor({ findings: lowOnly, issues: [], duties: allMet }, 'medium'), 0)
  })

  it('is 3 when a selected customer duty is unknown, even with no collection issue', () => {
    const unknown = allMet.map((d, i) =>
      i === 0 ? { ...d, kind: 'customer' as const, status: 'unknown' as const } : d,
    )
    assert.equal(exitCodeFor({ findings: lowOnly, issues: [], duties: unknown }, 'medium'), 3)
    assert.deepEqual(
      incompleteness({ issues: [], duties: unknown }).unknownDuties.map((d) => d.id),
      [unknown[0]!.id],
    )
  })

  it('an unknown provider duty does not make the scan incomplete', () => {
    const prov = allMet.map((d, i) =>
      i === 0 ? { ...d, kind: 'provider' as const, status: 'unknown' as const } : d,
    )
    assert.equal(exitCodeFor({ findings: lowOnly, issues: [], duties: prov }, 'medium'), 0)
  })

  it('--allow-incomplete turns 3 into 0 but never hides a failing finding', () => {
    const inc = { findings: lowOnly, issues: r.issues, duties: r.duties }
    assert.equal(exitCodeFor(inc, 'medium', { allowIncomplete: true }), 0)
    assert.equal(exitCodeFor(r, 'low', { allowIncomplete: true }), 1)
  })

  it('ignores muted findings', () => {
    const muted = r.findings.map((f) =>
      f.status === 'fail' ? { ...f, status: 'muted' as const } : f,
    )
    assert.equal(exitCodeFor({ findings: muted, issues: [], duties: allMet }, 'info'), 0)
  })
})
