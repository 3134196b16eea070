/** The store bench's measuring code on the small fixture (the full run is `npm run bench:store`). */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scanResultFixture } from '../src/engine/testing.ts'
import { measure } from './store.bench.ts'

describe('bench:store', () => {
  it('stores scans and times every dashboard query (SQLite)', async () => {
    const lines = await measure('sqlite', scanResultFixture(), 2)
    assert.equal(
      lines.filter((l) => /store scan \d \(\d+ findings\): wall [\d,]+ ms/.test(l)).length,
      2,
    )
    for (const q of [
      'overview',
      'trends',
      'findings page 1',
      'text search',
      'resource page',
      'diff of the last two scans (dashboard)',
    ])
      assert.ok(
        lines.some((l) => l.includes(q) && / [\d,]+ ms$/.test(l)),
        q,
      )
  })
})
