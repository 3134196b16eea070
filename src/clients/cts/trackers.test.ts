import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { httpError, notServed } from '../testing/http-error.ts'
import { ctsTrackersSample, ctsTrackerV1Sample } from './fixtures.ts'
import { listTrackers, readTrackers, showTrackerV1, TRACKER_NOT_FOUND } from './trackers.ts'

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

describe(showTrackerV1.name, () => {
  it('reads the flat v1 tracker of tracker_name=system', async () => {
    const c = fakeClient([ctsTrackerV1Sample])
    const t = await showTrackerV1(c)
    assert.equal(t?.bucket_name, 'obs-f1da')
    assert.equal(c.calls[0]?.path, '/v1.0/{project_id}/tracker')
    assert.deepEqual(c.calls[0]?.query, { tracker_name: 'system' })
  })

  it('is null when CTS says the tracker does not exist, and throws other 404s', async () => {
    const none = fakeClient((req) => httpError(req, 404, TRACKER_NOT_FOUND, 'no tracker'))
    assert.equal(await showTrackerV1(none), null)
    await assert.rejects(showTrackerV1(fakeClient((req) => notServed(req))), { status: 404 })
  })
})

describe(readTrackers.name, () => {
  it('reads v3 where it is served', async () => {
    const got = await readTrackers(fakeClient([ctsTrackersSample]))
    assert.equal(got.version, 'v3')
    assert.equal(got.trackers.length, 1)
  })

  it('falls back to v1 when v3 is not served, empty when v1 has no tracker', async () => {
    const on = fakeClient((req) =>
      req.path.startsWith('/v3/') ? notServed(req) : ctsTrackerV1Sample,
    )
    assert.deepEqual(await readTrackers(on), { version: 'v1', trackers: [ctsTrackerV1Sample] })
    const off = fakeClient((req) =>
      req.path.startsWith('/v3/') ? notServed(req) : httpError(req, 404, TRACKER_NOT_FOUND),
    )
    assert.deepEqual(await readTrackers(off), { version: 'v1', trackers: [] })
  })

  it('names both attempts when neither version is served', async () => {
    const c = fakeClient((req) => notServed(req))
    await assert.rejects(readTrackers(c), (err: Error) => {
      assert.match(err.message, /v3 \(GET \/v3\/p-0001\/trackers\) answered 404/)
      assert.match(err.message, /v1 \(GET \/v1\.0\/p-0001\/tracker\) answered 404/)
      return true
    })
  })
})
