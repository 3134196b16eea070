import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { floatingIpWire } from './fixtures.ts'
import { listFloatingIps } from './floating-ips.ts'

describe(listFloatingIps.name, () => {
  it('follows floatingips_links to the last page with the filters on the first request', async () => {
    const items = ['a', 'b', 'c'].map((n) => floatingIpWire({ floating_ip_address: n }))
    const c = fakeClient(pagesOf(OPS['network.ListFloatingIps'], items, 2))
    const got = await listFloatingIps(c, { limit: 2, port_id: 'port-1' })
    assert.deepEqual(
      got.map((x) => x.id),
      items.map((x) => x.id),
    )
    assert.equal(c.calls.length, 2)
    assert.equal(c.calls[0]?.path, '/v2.0/floatingips')
    assert.deepEqual(c.calls[0]?.query, { port_id: 'port-1', limit: 2 })
    assert.equal(
      c.calls[1]?.path,
      `${FAKE_ENDPOINT}/v2.0/floatingips?limit=2&marker=${items[1]?.id}`,
    )
    assert.ok(
      c.calls.every((r) => r.scope === 'project' && r.op === OPS['network.ListFloatingIps'].op),
    )
  })

  it('asks for 2000 per page by default', async () => {
    const c = fakeClient(pagesOf(OPS['network.ListFloatingIps'], [], 1))
    assert.deepEqual(await listFloatingIps(c), [])
    assert.equal(c.calls[0]?.query?.limit, 2000)
  })
})
