import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { ctsTrackersSample } from './fixtures.ts'
import { listTrackers } from './trackers.ts'

describe(listTrackers.name, () => {
  it('reads the trackers in one unpaged request', async () => {
    const c = fakeClient([ctsTrackersSample])
    const got = await listTrackers(c, { tracker_name: 'system' })
    assert.equal(got[0]?.tracker_type, 'system')
    assert.equal(c.calls.length, 1)
    assert.equal(c.calls[0]?.path, '/v3/{project_id}/trackers')
    assert.deepEqual(c.calls[0]?.query, { tracker_name: 'system' })
  })

  it('returns an empty list when CTS is off', async () => {
    assert.deepEqual(await listTrackers(fakeClient([{ trackers: [] }])), [])
  })
})
