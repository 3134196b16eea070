/**
 * Canonical IMS (Glance) samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { makeBuilder } from '../testing/fixture-ids.ts'
import { ImageWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §3 GET /v2/images. */
export const glanceImagesSample = {
  schema: '/v2/schemas/images',
  first: '/v2/images?__isregistered=true&__imagetype=gold&limit=2',
  next: '/v2/images?__isregistered=true&marker=0328c25e-c840-4496-81ac-c4e01b214b1f&__imagetype=gold&limit=2',
  images: [
    {
      id: 'bc6bed6e-ba3a-4447-afcc-449174a3eb52',
      name: 'CentOS 7.3 64bit vivado',
      status: 'active',
      visibility: 'public',
      protected: true,
      owner: '1bed856811654c1cb661a6ca845ebc77',
      created_at: '2018-09-06T14:03:27Z',
      updated_at: '2018-09-06T15:17:33Z',
      __imagetype: 'gold',
      __isregistered: 'true',
      __os_type: 'Linux',
      __os_bit: '64',
      __os_version: 'CentOS 7.3 64bit',
      __platform: 'CentOS',
      __support_kvm: 'true',
      min_disk: 100,
      min_ram: 2048,
      disk_format: 'zvhd2',
      container_format: 'bare',
      virtual_env_type: 'FusionCompute',
      hw_firmware_type: 'bios',
      tags: [],
      self: '/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52',
      file: '/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52/file',
      schema: '/v2/schemas/image',
    },
  ],
}

const baseImage = ImageWire.parse(glanceImagesSample.images[0])

/**
 * A valid public image (the doc sample); a new `name` derives a stable new `id`.
 * @example imageWire({ name: 'my-image', visibility: 'private', __imagetype: 'private' })
 */
export const imageWire = makeBuilder<ImageWire>(baseImage, { kind: 'image' })
