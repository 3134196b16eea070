import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { notServed } from '../testing/http-error.ts'
import { volumeWire } from './fixtures.ts'
import { listVolumesDetail, readVolumesDetail } from './volumes.ts'

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

describe(readVolumesDetail.name, () => {
  const v2 = OPS['volume.ListVolumesDetailV2']
  const body = pagesOf(v2, [volumeWire()], 1000)[0]

  it('reads v2 first where the catalog advertises it (OTC), else v3', async () => {
    const otc = fakeClient([body], { catalogTypes: ['volumev3', 'volumev2', 'evs'] })
    assert.equal((await readVolumesDetail(otc)).version, 'v2')
    assert.equal(otc.calls[0]?.path, '/v2/{project_id}/volumes/detail')
    const plain = fakeClient([body], { catalogTypes: ['volumev3', 'block-storage'] })
    assert.equal((await readVolumesDetail(plain)).version, 'v3')
    assert.equal(plain.calls[0]?.path, '/v3/{project_id}/volumes/detail')
  })

  it('falls back to the other version on a 404', async () => {
    const c = fakeClient((req) => (req.path.startsWith('/v3/') ? notServed(req) : body))
    const got = await readVolumesDetail(c)
    assert.equal(got.version, 'v2')
    assert.equal(got.value.length, 1)
    assert.equal(c.calls.length, 2)
  })
})
