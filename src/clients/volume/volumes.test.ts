import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { volumeWire } from './fixtures.ts'
import { listVolumesDetail } from './volumes.ts'

describe(listVolumesDetail.name, () => {
  it('follows volumes_links to the last page with the filters on the first request', async () => {
    const items = ['a', 'b', 'c'].map((n) => volumeWire({ name: n }))
    const c = fakeClient(pagesOf(OPS['volume.ListVolumesDetail'], items, 2))
    const got = await listVolumesDetail(c, { limit: 2, status: 'in-use' })
    assert.deepEqual(
      got.map((x) => x.id),
      items.map((x) => x.id),
    )
    assert.equal(c.calls.length, 2)
    assert.equal(c.calls[0]?.path, '/v3/{project_id}/volumes/detail')
    assert.deepEqual(c.calls[0]?.query, { status: 'in-use', limit: 2 })
    assert.equal(
      c.calls[1]?.path,
      `${FAKE_ENDPOINT}/v3/p-0001/volumes/detail?limit=2&marker=${items[1]?.id}`,
    )
    assert.ok(
      c.calls.every((r) => r.scope === 'project' && r.op === OPS['volume.ListVolumesDetail'].op),
    )
  })

  it('asks for 1000 per page by default', async () => {
    const c = fakeClient(pagesOf(OPS['volume.ListVolumesDetail'], [], 1))
    assert.deepEqual(await listVolumesDetail(c), [])
    assert.equal(c.calls[0]?.query?.limit, 1000)
  })
})
