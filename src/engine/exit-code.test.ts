import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { exitCodeFor } from './exit-code.ts'
import { scanResultFixture } from './testing.ts'

describe(exitCodeFor.name, () => {
  const r = scanResultFixture()

  it('is 1 for a non-muted fail at or above the threshold', () => {
    assert.equal(exitCodeFor(r, 'critical'), 1)
    assert.equal(exitCodeFor(r, 'low'), 1)
  })

  it('is 3 without qualifying fails when collection was incomplete, else 0', () => {
    const lowOnly = r.findings.filter((f) => f.status !== 'fail' || f.severity === 'low')
    assert.equal(exitCodeFor({ findings: lowOnly, issues: r.issues }, 'medium'), 3)
    assert.equal(exitCodeFor({ findings: lowOnly, issues: [] }, 'medium'), 0)
  })

  it('ignores muted findings', () => {
    const muted = r.findings.map((f) =>
      f.status === 'fail' ? { ...f, status: 'muted' as const } : f,
    )
    assert.equal(exitCodeFor({ findings: muted, issues: [] }, 'info'), 0)
  })
})
