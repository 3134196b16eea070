import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ctsTrackersSample } from '../clients/cts/fixtures.ts'
import { TrackerWire } from '../clients/cts/schemas.ts'
import { toCtsTracker } from './cts-tracker.ts'
import { CTX } from './testing.ts'

describe(toCtsTracker.name, () => {
  it('maps the doc sample', () => {
    const t = toCtsTracker(TrackerWire.parse(ctsTrackersSample.trackers[0]), CTX)
    assert.equal(t.id, 'ebf8d1c3-762b-4ce3-b316-6b1aa32f8be3')
    assert.equal(t.name, 'system')
    assert.equal(t.trackerType, 'system')
    assert.equal(t.status, 'enabled')
  })
})
