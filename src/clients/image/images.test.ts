import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { glanceImagesSample, imageWire } from './fixtures.ts'
import { listImages, showImage } from './images.ts'

describe(listImages.name, () => {
  it('follows the relative `next` path under the endpoint until it is gone', async () => {
    const images = ['a', 'b', 'c'].map((name) => imageWire({ name }))
    const c = fakeClient(pagesOf(OPS['image.ListImages'], images, 2))
    const got = await listImages(c, { limit: 2, __imagetype: 'private', owner: 'p-0001' })
    assert.deepEqual(
      got.map((i) => i.name),
      ['a', 'b', 'c'],
    )
    assert.equal(c.calls[0]?.path, '/v2/images')
    assert.deepEqual(c.calls[0]?.query, { __imagetype: 'private', owner: 'p-0001', limit: 2 })
    assert.equal(c.calls[1]?.path, `${FAKE_ENDPOINT}/v2/images?limit=2&marker=${images[1]?.id}`)
  })

  it('resolves the doc sample `next` against the endpoint', async () => {
    const c = fakeClient([glanceImagesSample, { images: [] }])
    await listImages(c)
    assert.equal(c.calls[0]?.query?.limit, 1000)
    assert.equal(c.calls[1]?.path, `${FAKE_ENDPOINT}${glanceImagesSample.next}`)
  })
})

describe(showImage.name, () => {
  it('gets the bare image object', async () => {
    const img = imageWire({ name: 'x' })
    const c = fakeClient([img])
    assert.equal((await showImage(c, img.id)).name, 'x')
    assert.equal(c.calls[0]?.path, `/v2/images/${img.id}`)
  })
})
