import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, withValueAt } from '../testing/schema-assert.ts'
import { ctsTrackersSample, ctsTrackerV1Sample, trackerV1Wire, trackerWire } from './fixtures.ts'
import {
  ListTrackersResponse,
  ShowTrackerV1Response,
  TrackerV1Wire,
  TrackerWire,
} from './schemas.ts'

describe('cts wire schemas', () => {
  it('parses the trackers sample (create_time in epoch ms)', () => {
    const t = ListTrackersResponse.parse(ctsTrackersSample).trackers[0]!
    assert.equal(t.tracker_name, 'system')
    assert.equal(t.status, 'enabled')
    assert.equal(t.create_time, 1589886034121)
    assert.equal(t.obs_info?.bucket_name, '')
    assert.equal(t.lts?.is_lts_enabled, true)
    assert.equal(t.is_support_validate, false)
  })

  it('names the field of a broken body', () => {
    const isoTime = withValueAt(ctsTrackersSample, ['trackers', 0, 'create_time'], '2020-05-19')
    assert.deepEqual(issuePaths(ListTrackersResponse, isoTime), ['trackers.0.create_time'])
  })

  it('accepts an empty list (CTS not enabled) and builds valid trackers', () => {
    assert.deepEqual(issuePaths(ListTrackersResponse, { trackers: [] }), [])
    assert.deepEqual(issuePaths(TrackerWire, trackerWire({ status: 'disabled' })), [])
  })

  it('parses the flat v1 tracker sample and names the field of a broken one', () => {
    const t = ShowTrackerV1Response.parse(ctsTrackerV1Sample)
    assert.equal(t.tracker_name, 'system')
    assert.equal(t.bucket_name, 'obs-f1da')
    assert.equal(t.lts?.is_lts_enabled, true)
    assert.equal(t.log_file_validate?.is_support_validate, true)
    const wrapped = { trackers: [ctsTrackerV1Sample] }
    assert.deepEqual(issuePaths(ShowTrackerV1Response, wrapped).sort(), [
      'id',
      'status',
      'tracker_name',
    ])
    assert.deepEqual(issuePaths(TrackerV1Wire, trackerV1Wire({ status: 'disabled' })), [])
  })
})
