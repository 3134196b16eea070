import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  ctsTrackersSample,
  ctsTrackerV1Sample,
  trackerV1Wire,
  trackerWire,
} from '../clients/cts/fixtures.ts'
import { TrackerV1Wire, TrackerWire } from '../clients/cts/schemas.ts'
import { toCtsTracker, toCtsTrackerV1 } from './cts-tracker.ts'
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

describe(toCtsTrackerV1.name, () => {
  it('maps the flat v1 doc sample', () => {
    const t = toCtsTrackerV1(TrackerV1Wire.parse(ctsTrackerV1Sample), CTX)
    assert.equal(t.id, '2e6fa9b8-8c6e-456d-b5d3-77be972d220b')
    assert.equal(t.name, 'system')
    assert.equal(t.trackerType, 'system')
    assert.equal(t.status, 'enabled')
  })

  it('gives the same tracker as v3, and reads a v1 body without tracker_type as the system one', () => {
    const v3 = trackerWire({ id: 't-1', status: 'disabled' })
    const { tracker_type: _omit, ...v1 } = trackerV1Wire({ id: 't-1', status: 'disabled' })
    const fromV1 = toCtsTrackerV1(v1, CTX)
    const fromV3 = toCtsTracker(v3, CTX)
    assert.deepEqual(fromV1, fromV3)
  })
})
