import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, withValueAt } from '../testing/schema-assert.ts'
import {
  backupWire,
  cinderBackupsDetailSample,
  cinderVolumesDetailSample,
  volumeWire,
} from './fixtures.ts'
import {
  BackupWire,
  ListBackupsDetailResponse,
  ListVolumesDetailResponse,
  VolumeWire,
} from './schemas.ts'

describe('volume wire schemas', () => {
  it('parses the EVS volumes/detail sample (bootable as a string, encryption in metadata)', () => {
    const body = ListVolumesDetailResponse.parse(cinderVolumesDetailSample)
    const v = body.volumes[0]!
    assert.equal(v.bootable, 'true')
    assert.equal(v.encrypted, false)
    assert.equal(v.metadata.__system__encrypted, '1')
    assert.equal(v.attachments[0]?.server_id, '83ec2e3b-4321-422b-8706-a84185f52a0a')
    assert.equal(v.volume_image_metadata?.image_name, 'Standard_Ubuntu_22.04_latest')
    assert.deepEqual(v.tags, { env: 'prod' })
    assert.equal(body.count, 1)
    assert.equal(body.volumes_links?.[0]?.rel, 'next')
  })

  it('parses the Cinder backups/detail sample', () => {
    const b = ListBackupsDetailResponse.parse(cinderBackupsDetailSample).backups[0]!
    assert.equal(b.volume_id, '289da7f8-6440-407c-9fb4-7db01ec49164')
    assert.equal(b.status, 'available')
  })

  it('names the field of a broken body', () => {
    const boolBootable = withValueAt(cinderVolumesDetailSample, ['volumes', 0, 'bootable'], true)
    assert.deepEqual(issuePaths(ListVolumesDetailResponse, boolBootable), ['volumes.0.bootable'])
    const path = ['volumes', 0, 'attachments', 0, 'server_id']
    const noServer = withValueAt(cinderVolumesDetailSample, path, null)
    assert.deepEqual(issuePaths(ListVolumesDetailResponse, noServer), [path.join('.')])
  })

  it('accepts encrypted as a "true"/"false" string too', () => {
    assert.deepEqual(issuePaths(VolumeWire, volumeWire({ encrypted: 'true' })), [])
  })

  it('builds valid items with stable ids', () => {
    const data = volumeWire({ name: 'data', bootable: 'false', metadata: {}, attachments: [] })
    assert.deepEqual(issuePaths(VolumeWire, data), [])
    assert.notEqual(data.id, volumeWire().id)
    assert.deepEqual(issuePaths(BackupWire, backupWire({ name: 'b1', volume_id: data.id })), [])
  })
})
