import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { glanceImagesSample, imageWire } from '../clients/image/fixtures.ts'
import { ImageWire } from '../clients/image/schemas.ts'
import { detectOs } from '../lifecycle/detect-os.ts'
import { toImsImage } from './ims-image.ts'
import { CTX } from './testing.ts'

describe(toImsImage.name, () => {
  it('maps the doc sample', () => {
    const i = toImsImage(ImageWire.parse(glanceImagesSample.images[0]), CTX)
    assert.equal(i.id, 'bc6bed6e-ba3a-4447-afcc-449174a3eb52')
    assert.equal(i.osVersion, 'CentOS 7.3 64bit')
    assert.equal(i.platform, 'CentOS')
    assert.equal(i.imageType, 'gold')
    assert.equal(i.visibility, 'public')
    assert.equal(i.createdAt, '2018-09-06T14:03:27.000Z')
    assert.equal(i.lineage, null)
  })

  it('keeps the tags (strings)', () => {
    assert.deepEqual(toImsImage(imageWire({ tags: ['golden'] }), CTX).tags, { golden: '' })
  })

  it('reads the Image Factory lineage from the name', () => {
    const i = toImsImage(imageWire({ name: 'Standard_Ubuntu_22.04_prev' }), CTX)
    assert.deepEqual(i.lineage, { family: 'Standard_Ubuntu_22.04', isLatest: false })
  })

  it('names an unnamed image by its id and leaves missing IMS properties null', () => {
    const w = imageWire({ name: null, __os_version: undefined, __platform: undefined })
    const i = toImsImage(w, CTX)
    assert.equal(i.name, w.id)
    assert.equal(i.osVersion, null)
    assert.equal(i.platform, null)
    assert.equal(i.osDistro, null)
    assert.equal(i.osDistroVersion, null)
  })

  it("keeps Glance's standard os_distro / os_version (plain OpenStack, no __ properties)", () => {
    // As the devcloud's Glance lists the seeded ubuntu-18.04 image.
    const w = ImageWire.parse({
      id: '5b0f8c1a-8f0e-4f3b-9f6c-0d6f3c1b2a11',
      name: 'ubuntu-18.04',
      status: 'active',
      visibility: 'public',
      protected: false,
      owner: 'a1b2',
      created_at: '2025-06-01T10:00:00Z',
      os_distro: 'ubuntu',
      os_version: '18.04',
      os_hidden: false,
      hw_disk_bus: 'virtio',
    })
    const i = toImsImage(w, CTX)
    assert.equal(i.osDistro, 'ubuntu')
    assert.equal(i.osDistroVersion, '18.04')
    assert.equal(i.osVersion, null)
    assert.deepEqual(detectOs(i), { distro: 'ubuntu', version: '18.04' })
  })
})
