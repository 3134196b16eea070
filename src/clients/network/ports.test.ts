import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { portWire } from './fixtures.ts'
import { listPorts } from './ports.ts'

describe(listPorts.name, () => {
  it('follows ports_links to the last page with the filters on the first request', async () => {
    const items = ['a', 'b', 'c'].map((n) => portWire({ name: n }))
    const c = fakeClient(pagesOf(OPS['network.ListPorts'], items, 2))
    const got = await listPorts(c, { limit: 2, device_id: 'srv-1' })
    assert.deepEqual(
      got.map((x) => x.id),
      items.map((x) => x.id),
    )
    assert.equal(c.calls.length, 2)
    assert.equal(c.calls[0]?.path, '/v2.0/ports')
    assert.deepEqual(c.calls[0]?.query, { device_id: 'srv-1', limit: 2 })
    assert.equal(c.calls[1]?.path, `${FAKE_ENDPOINT}/v2.0/ports?limit=2&marker=${items[1]?.id}`)
    assert.ok(c.calls.every((r) => r.scope === 'project' && r.op === OPS['network.ListPorts'].op))
  })

  it('asks for 2000 per page by default', async () => {
    const c = fakeClient(pagesOf(OPS['network.ListPorts'], [], 1))
    assert.deepEqual(await listPorts(c), [])
    assert.equal(c.calls[0]?.query?.limit, 2000)
  })
})
