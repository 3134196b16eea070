import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { fakeClient, pagesOf } from '../testing/fake-client.ts'
import { flavorWire } from './fixtures.ts'
import { listFlavorsDetail } from './flavors.ts'

describe(listFlavorsDetail.name, () => {
  it('follows flavors_links to the last page', async () => {
    const flavors = ['s3.large.2', 's3.xlarge.2', 'c4.large.2'].map((name) => flavorWire({ name }))
    const c = fakeClient(pagesOf(OPS['compute.ListFlavorsDetail'], flavors, 2))
    const got = await listFlavorsDetail(c, { limit: 2 })
    assert.deepEqual(
      got.map((f) => f.id),
      ['s3.large.2', 's3.xlarge.2', 'c4.large.2'],
    )
    assert.equal(c.calls.length, 2)
    assert.deepEqual(c.calls[0]?.query, { limit: 2 })
    assert.match(c.calls[1]?.path ?? '', /flavors\/detail\?limit=2&marker=s3\.xlarge\.2$/)
  })
})
