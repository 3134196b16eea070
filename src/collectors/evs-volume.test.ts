import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cinderVolumesDetailSample, volumeWire } from '../clients/volume/fixtures.ts'
import { VolumeWire } from '../clients/volume/schemas.ts'
import { toEvsVolume, volumeEncrypted } from './evs-volume.ts'
import { CTX } from './testing.ts'

describe(toEvsVolume.name, () => {
  it('maps the doc sample', () => {
    const v = toEvsVolume(VolumeWire.parse(cinderVolumesDetailSample.volumes[0]), CTX)
    assert.equal(v.id, '289da7f8-6440-407c-9fb4-7db01ec49164')
    assert.equal(v.sizeGb, 40)
    assert.equal(v.bootable, true)
    // OTC metadata says "1" while Cinder's (unsupported) flag says false: metadata wins.
    assert.equal(v.encrypted, true)
    assert.equal(v.kmsKeyId, '<36-char KMS key id>')
    assert.deepEqual(v.attachments, ['83ec2e3b-4321-422b-8706-a84185f52a0a'])
    assert.deepEqual(v.imageMetadata, {
      imageId: '<uuid>',
      imageName: 'Standard_Ubuntu_22.04_latest',
      osVersion: 'Ubuntu 22.04 server 64bit',
      platform: null,
      osDistro: null,
      osDistroVersion: null,
    })
    assert.equal(v.createdAt, '2016-05-25T02:42:10.856Z')
  })

  it("carries the image's __platform and Glance os_distro/os_version (plain Cinder)", () => {
    const v = toEvsVolume(
      volumeWire({
        volume_image_metadata: {
          image_id: 'i-1',
          image_name: 'ubuntu-18.04',
          os_distro: 'ubuntu',
          os_version: '18.04',
          __platform: 'Ubuntu',
        },
      }),
      CTX,
    )
    assert.deepEqual(v.imageMetadata, {
      imageId: 'i-1',
      imageName: 'ubuntu-18.04',
      osVersion: null,
      platform: 'Ubuntu',
      osDistro: 'ubuntu',
      osDistroVersion: '18.04',
    })
  })

  it('keeps the tags (a record)', () => {
    const w = VolumeWire.parse({ ...cinderVolumesDetailSample.volumes[0], tags: { env: 'dev' } })
    assert.deepEqual(toEvsVolume(w, CTX).tags, { env: 'dev' })
  })

  it('maps a data disk without image metadata', () => {
    const v = toEvsVolume(
      volumeWire({ bootable: 'false', volume_image_metadata: undefined, attachments: [] }),
      CTX,
    )
    assert.equal(v.bootable, false)
    assert.equal(v.imageMetadata, null)
    assert.deepEqual(v.attachments, [])
  })
})

describe(volumeEncrypted.name, () => {
  it('reads metadata.__system__encrypted first', () => {
    assert.equal(
      volumeEncrypted({ metadata: { __system__encrypted: '0' }, encrypted: true }),
      false,
    )
    assert.equal(volumeEncrypted({ metadata: { __system__encrypted: '1' } }), true)
  })

  it("falls back to Cinder's encrypted flag", () => {
    assert.equal(volumeEncrypted({ metadata: {}, encrypted: false }), false)
    assert.equal(volumeEncrypted({ metadata: {}, encrypted: 'true' }), true)
  })

  it('is null (unknown) when neither says', () => {
    assert.equal(volumeEncrypted({ metadata: {} }), null)
    assert.equal(volumeEncrypted({ metadata: { __system__encrypted: '' }, encrypted: null }), null)
  })
})
