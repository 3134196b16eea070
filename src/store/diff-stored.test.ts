import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { manyFindingsResult, scanResultFixture } from '../engine/testing.ts'
import { diffScans } from './diff.ts'
import { diffStored } from './diff-stored.ts'
import { Store } from './store.ts'
import { freshSqliteFile } from './testing.ts'

describe('diffStored', () => {
  const file = freshSqliteFile()
  after(() => file.drop())

  it('equals the diff of both scans read whole; without stillFailing only their number', async () => {
    const s = await Store.open(file.file)
    const r = scanResultFixture()
    const pass = r.findings.findIndex((f) => f.status === 'pass')
    const fail = r.findings.findIndex((f) => f.status === 'fail')
    const err = r.findings.findIndex((f) => f.status === 'error')
    const later = {
      ...r,
      scan: { ...r.scan, startedAt: new Date(Date.parse(r.scan.startedAt) + 1000).toISOString() },
      findings: r.findings
        .map((f, i) =>
          i === pass
            ? { ...f, status: 'fail' as const }
            : i === err
              ? { ...f, status: 'pass' as const }
              : f,
        )
        .filter((_, i) => i !== fail),
    }
    await s.save(r)
    await s.save(later)
    const [a, b] = await s.scans()
    const whole = diffScans(
      {
        label: 'scan 1',
        startedAt: a!.startedAt,
        findings: await s.findings(1),
        duties: await s.duties(1),
      },
      {
        label: 'scan 2',
        startedAt: b!.startedAt,
        findings: await s.findings(2),
        duties: await s.duties(2),
      },
    )
    const full = await diffStored(s.db, a!, b!, { stillFailing: true })
    assert.deepEqual(full.diff, whole)
    assert.deepEqual(
      [whole.newFailures.length, whole.fixed.length, whole.changed.length],
      [1, 1, 1],
    )
    const light = await diffStored(s.db, a!, b!, { stillFailing: false })
    assert.deepEqual(light.diff.stillFailing, [])
    assert.equal(light.stillFailing, whole.stillFailing.length)
    assert.deepEqual(light.diff.newFailures, whole.newFailures)
    // Many fingerprints: the one-pass read gives the same.
    const big = manyFindingsResult(6000, r)
    const bigLater = { ...big, scan: { ...big.scan, startedAt: later.scan.startedAt } }
    await s.save(big)
    await s.save(bigLater)
    const all = await s.scans()
    const byId = (id: number) => all.find((x) => x.id === id)!
    const many = await diffStored(s.db, byId(3), byId(4), { stillFailing: true })
    assert.equal(
      many.diff.stillFailing.length,
      big.findings.filter((f) => f.status === 'fail').length,
    )
    assert.ok(many.diff.stillFailing.length > 500)
    await s.close()
  })
})
