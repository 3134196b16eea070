/**
 * Wire shapes of the EVS Cinder API: volumes detail and volume backups detail. `bootable` is a
 * string; encryption is in `metadata.__system__encrypted`, not in `encrypted`.
 * @module
 */
import { z } from 'zod'

/** A `{ href, rel }` link of `volumes_links` / `backups_links`. */
export const LinkWire = z.object({ href: z.string(), rel: z.string() })
export type LinkWire = z.output<typeof LinkWire>

/** A boolean the API sends as the string `"true"` or `"false"`. */
export const BoolString = z.enum(['true', 'false'])

/** One attachment of a volume (`attachments[]`). */
export const VolumeAttachmentWire = z.object({
  server_id: z.string(),
  attachment_id: z.string().optional(),
  attached_at: z.string().nullish(),
  host_name: z.string().nullish(),
  volume_id: z.string(),
  device: z.string(),
  id: z.string(),
})
export type VolumeAttachmentWire = z.output<typeof VolumeAttachmentWire>

/** One volume of GET /v2|v3/{project_id}/volumes/detail (EVS "Querying Details About All Disks", Cinder). */
export const VolumeWire = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** available, in-use, error, creating, ... */
  status: z.string(),
  /** GB. */
  size: z.number(),
  /** SATA, SAS, SSD, GPSSD, ESSD. */
  volume_type: z.string().nullish(),
  bootable: BoolString,
  /** Documented as "not supported" on OTC; use `metadata.__system__encrypted`. */
  encrypted: z.union([z.boolean(), BoolString]).nullish(),
  multiattach: z.boolean().optional(),
  availability_zone: z.string(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  description: z.string().nullish(),
  snapshot_id: z.string().nullish(),
  source_volid: z.string().nullish(),
  'os-vol-tenant-attr:tenant_id': z.string().optional(),
  attachments: z.array(VolumeAttachmentWire),
  /** `__system__encrypted` ("1"/"0"), `__system__cmkid` (KMS key), `hw:passthrough`, ... */
  metadata: z.record(z.string(), z.string()),
  /** OS info of system disks (`image_id`, `image_name`, `__os_version`, ...). */
  volume_image_metadata: z.record(z.string(), z.string()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  service_type: z.string().optional(),
  wwn: z.string().optional(),
})
export type VolumeWire = z.output<typeof VolumeWire>

/** GET /v2|v3/{project_id}/volumes/detail (EVS "Querying Details About All Disks"; pages via volumes_links). */
export const ListVolumesDetailResponse = z.object({
  volumes: z.array(VolumeWire),
  volumes_links: z.array(LinkWire).optional(),
  /** Total, sent by the OTC variant. */
  count: z.number().optional(),
})
export type ListVolumesDetailResponse = z.output<typeof ListVolumesDetailResponse>

/** One backup of GET /v2|v3/{project_id}/backups/detail (Cinder "List backups with detail"). */
export const BackupWire = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** available, creating, error, deleting, restoring, ... */
  status: z.string(),
  /** GB. */
  size: z.number(),
  volume_id: z.string(),
  snapshot_id: z.string().nullish(),
  availability_zone: z.string().nullish(),
  container: z.string().nullish(),
  description: z.string().nullish(),
  fail_reason: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  data_timestamp: z.string().nullish(),
  is_incremental: z.boolean().optional(),
  has_dependent_backups: z.boolean().optional(),
  object_count: z.number().nullish(),
  'os-bak-tenant-attr:tenant_id': z.string().optional(),
  links: z.array(LinkWire).optional(),
})
export type BackupWire = z.output<typeof BackupWire>

/** GET /v2|v3/{project_id}/backups/detail (Cinder "List backups with detail"; pages via backups_links). */
export const ListBackupsDetailResponse = z.object({
  backups: z.array(BackupWire),
  backups_links: z.array(LinkWire).optional(),
})
export type ListBackupsDetailResponse = z.output<typeof ListBackupsDetailResponse>
