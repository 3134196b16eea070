import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, withValueAt } from '../testing/schema-assert.ts'
import { glanceImagesSample, imageWire } from './fixtures.ts'
import { ImageWire, ListImagesResponse } from './schemas.ts'

describe('image wire schemas', () => {
  it('parses the Glance images sample with its string-valued __* properties', () => {
    const body = ListImagesResponse.parse(glanceImagesSample)
    const img = body.images[0]!
    assert.equal(img.id, 'bc6bed6e-ba3a-4447-afcc-449174a3eb52')
    assert.equal(img.__imagetype, 'gold')
    assert.equal(img.__isregistered, 'true')
    assert.equal(img.__support_kvm, 'true')
    assert.equal(img.__os_bit, '64')
    assert.equal(img.protected, true)
    assert.equal(img.created_at, '2018-09-06T14:03:27Z')
    assert.match(body.next ?? '', /^\/v2\/images\?.*marker=0328c25e/)
  })

  it('rejects real booleans where IMS sends strings, naming the field', () => {
    const broken = withValueAt(glanceImagesSample, ['images', 0, '__isregistered'], true)
    assert.deepEqual(issuePaths(ListImagesResponse, broken), ['images.0.__isregistered'])
    const noVis = withValueAt(glanceImagesSample, ['images', 0, 'visibility'], null)
    assert.deepEqual(issuePaths(ListImagesResponse, noVis), ['images.0.visibility'])
  })

  it('accepts a last page without next and a nameless image', () => {
    const last = withValueAt(glanceImagesSample, ['next'], undefined)
    assert.deepEqual(issuePaths(ListImagesResponse, last), [])
    assert.deepEqual(issuePaths(ImageWire, imageWire({ name: null })), [])
  })

  it('builds valid images with stable ids', () => {
    const a = imageWire({ name: 'mine', visibility: 'private', __imagetype: 'private' })
    assert.deepEqual(issuePaths(ImageWire, a), [])
    assert.equal(a.id, imageWire({ name: 'mine' }).id)
  })
})
