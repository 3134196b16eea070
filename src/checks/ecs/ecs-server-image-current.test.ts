import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { daysAgo, image, issue, server } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './ecs-server-image-current.ts'

const latest = image({
  id: 'img-new',
  name: 'Standard_Ubuntu_24.04_latest',
  createdAt: daysAgo(10),
})
const prev = image({ id: 'img-old', name: 'Standard_Ubuntu_24.04_prev', createdAt: daysAgo(40) })

describe(def.id, () => {
  it('passes for the latest public image', () => {
    assert.equal(check(def, server({ imageId: 'img-new' }), [latest, prev]).status, 'pass')
  })

  it('fails for a superseded public image', () => {
    const v = check(def, server({ imageId: 'img-old' }), [latest, prev])
    assert.equal(v.status, 'fail')
    assert.equal(v.status === 'fail' && v.evidence.currentImageId, 'img-new')
  })

  it('fails for a private image older than 180 days', () => {
    const golden = image({
      id: 'img-p',
      name: 'golden-web',
      imageType: 'private',
      createdAt: daysAgo(200),
    })
    const v = check(def, server({ imageId: 'img-p' }), [golden])
    assert.equal(v.status, 'fail')
    assert.match(v.message, /200 days ago \(max 180\)/)
    assert.equal(
      check(def, server({ imageId: 'img-p' }), [golden], { settings: { imageMaxAgeDays: 365 } })
        .status,
      'pass',
    )
  })

  it('fails for a hidden public image whose lineage has a current image', () => {
    const s = server({ imageId: 'img-hidden', imageName: 'Standard_Ubuntu_24.04_latest' })
    const v = check(def, s, [latest])
    assert.equal(v.status, 'fail')
    assert.match(v.message, /no longer listed/)
  })

  it('asks for a person when the image is unknown', () => {
    assert.equal(check(def, server({ imageId: 'img-gone', imageName: 'custom' })).status, 'manual')
  })

  it('errors when images could not be listed', () => {
    const v = check(def, server({ imageId: 'img-new' }), [latest], { issues: [issue('ims.image')] })
    assert.equal(v.status, 'error')
  })

  it('needs the volumes only for a server booted from a volume', () => {
    const volumesFailed = { issues: [issue('evs.volume')] }
    assert.equal(check(def, server({ imageId: 'img-new' }), [latest], volumesFailed).status, 'pass')
    const v = check(def, server({ imageId: null, volumeIds: ['v1'] }), [latest], volumesFailed)
    assert.equal(v.status, 'error')
    assert.deepEqual(v.status === 'error' && v.missing, ['evs.volume'])
  })
})
