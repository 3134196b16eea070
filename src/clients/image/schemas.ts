/**
 * Wire shapes of the IMS Glance-compatible image API. IMS adds `__*` properties whose values are
 * all strings, booleans included (`"true"`/`"false"`).
 * @module
 */
import { z } from 'zod'

/** An IMS boolean flag: the strings `"true"` or `"false"`. */
export const BoolString = z.enum(['true', 'false'])

/** One image of GET /v2/images (IMS "Querying Images (Native OpenStack API)"); also GET /v2/images/{id}. */
export const ImageWire = z.object({
  id: z.string(),
  /** Glance allows images without a name. */
  name: z.string().nullable(),
  /** queued, saving, deleted, killed, active. */
  status: z.string(),
  /** public, private, shared (community on newer Glance). */
  visibility: z.string(),
  protected: z.boolean(),
  owner: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  active_at: z.string().nullish(),
  min_disk: z.number().nullish(),
  min_ram: z.number().nullish(),
  size: z.number().nullish(),
  disk_format: z.string().nullish(),
  container_format: z.string().nullish(),
  checksum: z.string().nullish(),
  virtual_env_type: z.string().optional(),
  hw_firmware_type: z.string().optional(),
  enterprise_project_id: z.string().optional(),
  tags: z.array(z.string()).optional(),
  /** `gold` (public), `private`, `shared` (or `market`). */
  __imagetype: z.string().optional(),
  __isregistered: BoolString.optional(),
  __os_type: z.string().optional(),
  __os_bit: z.string().optional(),
  __os_version: z.string().optional(),
  __platform: z.string().optional(),
  /** Glance's standard OS properties (plain OpenStack images): `ubuntu`, `18.04`. */
  os_distro: z.string().optional(),
  os_version: z.string().optional(),
  __description: z.string().optional(),
  __image_size: z.string().optional(),
  __originalimagename: z.string().optional(),
  __data_origin: z.string().optional(),
  __root_origin: z.string().optional(),
  __image_source_type: z.string().optional(),
  __whole_image: BoolString.optional(),
  __lazyloading: BoolString.optional(),
  /** KMS key id of an encrypted image. */
  __system__cmkid: z.string().optional(),
  __system_encrypted: z.string().optional(),
  __support_kvm: BoolString.optional(),
  __support_xen: BoolString.optional(),
  __support_largememory: BoolString.optional(),
  __support_diskintensive: BoolString.optional(),
  __support_highperformance: BoolString.optional(),
  __support_xen_gpu_type: z.string().optional(),
  __support_kvm_gpu_type: z.string().optional(),
  __sequence_num: z.string().optional(),
  self: z.string().optional(),
  file: z.string().optional(),
  schema: z.string().optional(),
})
export type ImageWire = z.output<typeof ImageWire>

/** GET /v2/images (IMS "Querying Images (Native OpenStack API)"; pages via the relative `next` URL). */
export const ListImagesResponse = z.object({
  images: z.array(ImageWire),
  schema: z.string().optional(),
  first: z.string().optional(),
  /** Absent on the last page. */
  next: z.string().nullish(),
})
export type ListImagesResponse = z.output<typeof ListImagesResponse>

/** GET /v2/images/{image_id} (IMS "Querying Image Details (Native OpenStack API)"): the bare image. */
export const ShowImageResponse = ImageWire
export type ShowImageResponse = z.output<typeof ShowImageResponse>
