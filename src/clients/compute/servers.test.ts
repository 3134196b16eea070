import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { notServed } from '../testing/http-error.ts'
import { serverWire } from './fixtures.ts'
import { listServersDetail, readServersDetail } from './servers.ts'

const def = OPS['compute.ListServersDetail']

describe(listServersDetail.name, () => {
  it('follows servers_links to the last page', async () => {
    const servers = ['a', 'b', 'c'].map((name) => serverWire({ name }))
    const c = fakeClient(pagesOf(def, servers, 2))
    const got = await listServersDetail(c, { limit: 2, status: 'ACTIVE' })
    assert.deepEqual(
      got.map((s) => s.name),
      ['a', 'b', 'c'],
    )
    assert.equal(c.calls.length, 2)
    assert.equal(c.calls[0]?.path, '/v2.1/{project_id}/servers/detail')
    assert.deepEqual(c.calls[0]?.query, { status: 'ACTIVE', limit: 2 })
    assert.equal(
      c.calls[1]?.path,
      `${FAKE_ENDPOINT}/v2.1/p-0001/servers/detail?limit=2&marker=${servers[1]?.id}`,
    )
    assert.equal(c.calls[1]?.query, undefined)
    assert.deepEqual(new Set(c.calls.map((r) => r.scope)), new Set(['project']))
  })

  it('asks for the Nova maximum page size by default and passes the signal', async () => {
    const signal = new AbortController().signal
    const c = fakeClient([{ servers: [] }])
    assert.deepEqual(await listServersDetail(c, {}, signal), [])
    assert.deepEqual(c.calls[0]?.query, { limit: 1000 })
    assert.equal(c.calls[0]?.signal, signal)
    assert.equal(c.calls[0]?.op, 'ListServersDetail')
  })
})

describe(readServersDetail.name, () => {
  it('reads v2.1, and falls back to the legacy v2 on a 404', async () => {
    const body = pagesOf(OPS['compute.ListServersDetailV2'], [serverWire()], 1000)[0]
    const c = fakeClient((req) => (req.path.startsWith('/v2.1/') ? notServed(req) : body))
    const got = await readServersDetail(c)
    assert.equal(got.version, 'v2')
    assert.deepEqual(
      c.calls.map((r) => r.path),
      ['/v2.1/{project_id}/servers/detail', '/v2/{project_id}/servers/detail'],
    )
  })
})
