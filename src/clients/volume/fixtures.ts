/**
 * Canonical EVS (Cinder) samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { makeBuilder } from '../testing/fixture-ids.ts'
import { BackupWire, VolumeWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §5 GET /v2/{project_id}/volumes/detail. */
export const cinderVolumesDetailSample = {
  count: 1,
  volumes: [
    {
      id: '289da7f8-6440-407c-9fb4-7db01ec49164',
      name: 'vol-001',
      status: 'in-use',
      size: 40,
      volume_type: 'SSD',
      bootable: 'true',
      encrypted: false,
      multiattach: false,
      availability_zone: 'eu-de-01',
      created_at: '2016-05-25T02:42:10.856332',
      updated_at: '2016-05-25T02:42:22.341984',
      'os-vol-tenant-attr:tenant_id': 'dd14c6ac581f40059e27f5320b60bf2f',
      attachments: [
        {
          server_id: '83ec2e3b-4321-422b-8706-a84185f52a0a',
          attachment_id: '05551600-a936-4d4a-ba42-79a037c1-c91a',
          attached_at: '2016-08-06T14:48:20.000000',
          host_name: 'foobar',
          volume_id: '289da7f8-6440-407c-9fb4-7db01ec49164',
          device: '/dev/vda',
          id: '289da7f8-6440-407c-9fb4-7db01ec49164',
        },
      ],
      metadata: {
        __system__encrypted: '1',
        __system__cmkid: '<36-char KMS key id>',
        'hw:passthrough': 'false',
      },
      volume_image_metadata: {
        image_id: '<uuid>',
        image_name: 'Standard_Ubuntu_22.04_latest',
        __os_version: 'Ubuntu 22.04 server 64bit',
      },
      tags: { env: 'prod' },
      service_type: 'EVS',
    },
  ],
  volumes_links: [
    {
      href: 'https://.../v2/<pid>/volumes/detail?limit=1&marker=289da7f8-6440-407c-9fb4-7db01ec49164',
      rel: 'next',
    },
  ],
}

/**
 * Not in otc-api.md: a `backups/detail` body in the shape of the Cinder API reference ("List
 * backups with detail"), with ids from the volume sample.
 */
export const cinderBackupsDetailSample = {
  backups: [
    {
      id: '6e8a2b1a-5c4e-4a6e-9d1f-2b1c9f4a7e01',
      name: 'backup-vol-001',
      status: 'available',
      size: 40,
      volume_id: '289da7f8-6440-407c-9fb4-7db01ec49164',
      snapshot_id: null,
      availability_zone: 'eu-de-01',
      container: 'volumebackups',
      description: null,
      fail_reason: null,
      created_at: '2016-05-26T02:42:10.856332',
      updated_at: '2016-05-26T02:50:22.341984',
      data_timestamp: '2016-05-26T02:42:10.856332',
      is_incremental: false,
      has_dependent_backups: false,
      object_count: 2,
      'os-bak-tenant-attr:tenant_id': 'dd14c6ac581f40059e27f5320b60bf2f',
      links: [],
    },
  ],
  backups_links: [],
}

const baseVolume = VolumeWire.parse(cinderVolumesDetailSample.volumes[0])

/**
 * A valid volume (default: encrypted bootable system disk in use); a new `name` derives a
 * stable new `id`.
 * @example volumeWire({ name: 'data', bootable: 'false', metadata: {}, attachments: [] })
 */
export const volumeWire = makeBuilder<VolumeWire>(baseVolume, { kind: 'volume' })

/** A valid volume backup; a new `name` derives a stable new `id`. */
export const backupWire = makeBuilder<BackupWire>(
  BackupWire.parse(cinderBackupsDetailSample.backups[0]),
  { kind: 'volume-backup' },
)
