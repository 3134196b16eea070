import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Fetch } from '../src/clients/core/node-fetch.ts'
import { recordingFetch } from './_recorder.ts'

const ok: Fetch = async () => ({
  status: 200,
  headers: { get: (n: string) => (n === 'content-length' ? '42' : null) },
  text: async () => '{}',
})

describe('recordingFetch', () => {
  it('records every request and names it when read, also those sent after a read', async () => {
    const rec = recordingFetch(ok)
    const get = (path: string) =>
      rec.fetch(new URL(`http://127.0.0.1:1${path}`), { method: 'get', headers: {} })
    await get('/compute/v2.1/p1/servers/detail?limit=1000')
    await get('/nowhere/at/all')
    const first = rec.requests
    assert.deepEqual(
      first.map((r) => [r.op, r.endpoint, r.status, r.bytes]),
      [
        ['compute.ListServersDetail', 'compute', 200, 42],
        ['other GET /nowhere/at/all', 'nowhere', 200, 42],
      ],
    )
    assert.ok(first.every((r) => r.end >= r.start && r.start > 0))
    await rec.fetch(new URL('http://127.0.0.1:1/identity/v3/auth/tokens'), {
      method: 'POST',
      headers: {},
    })
    assert.equal(rec.requests.at(-1)?.op, 'identity.Authenticate')
  })
})
