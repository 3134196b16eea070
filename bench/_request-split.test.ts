import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RecordedRequest } from './_recorder.ts'
import { splitRequests } from './_request-split.ts'
import type { ServedAnswer } from './_serve.ts'

const ORIGIN = 'http://127.0.0.1:1'
const req = (o: Partial<RecordedRequest>): RecordedRequest => ({
  op: 'iam.ShowUser',
  endpoint: 'identity',
  start: 0,
  end: 0,
  status: 200,
  bytes: 10,
  requestId: null,
  origin: ORIGIN,
  ...o,
})
const answer = (requestId: string, receivedAt: number, answeredAt: number, origin = ORIGIN) =>
  ({ requestId, receivedAt, answeredAt, origin }) satisfies ServedAnswer

describe('splitRequests', () => {
  it("splits each request at the emulator's two times, early and later apart", () => {
    // Recorder times are relative to timeOrigin 1,000,000; the scan starts at 100.
    const split = splitRequests(
      [
        req({ requestId: 'a', start: 100, end: 160 }), // 10 there, 30 inside, 20 back
        req({ requestId: 'b', start: 3200, end: 3225 }), // 1 there, 21 inside, 3 back
        req({ requestId: 'c', start: 150, end: 200 }), // answered by another origin: unmatched
        req({ requestId: null, start: 300, end: 350 }),
        req({ endpoint: 'compute', requestId: 'a', start: 100, end: 999 }),
      ],
      [
        answer('a', 1_000_110, 1_000_140),
        answer('b', 1_003_201, 1_003_222),
        answer('c', 1_000_151, 1_000_190, 'http://127.0.0.1:2'),
      ],
      'identity',
      { timeOrigin: 1_000_000, t0: 100, earlyMs: 3000 },
    )
    assert.equal(split.unmatched, 2)
    assert.deepEqual(split.early, {
      requests: 1,
      meanMs: 60,
      toEmulatorMs: 10,
      inEmulatorMs: 30,
      backMs: 20,
    })
    assert.deepEqual(split.later, {
      requests: 1,
      meanMs: 25,
      toEmulatorMs: 1,
      inEmulatorMs: 21,
      backMs: 3,
    })
    assert.deepEqual(split.all, {
      requests: 2,
      meanMs: 42.5,
      toEmulatorMs: 5.5,
      inEmulatorMs: 25.5,
      backMs: 11.5,
    })
  })

  it('says so when nothing matched', () => {
    const split = splitRequests([req({})], [], 'identity', { timeOrigin: 0, t0: 0 })
    assert.equal(split.all.requests, 0)
    assert.equal(split.early, null)
    assert.equal(split.unmatched, 1)
  })
})
