/**
 * EVS volumes from Cinder `volumes/detail` (v2 or v3: the same body).
 * @module
 */
import type { VolumeWire } from '../clients/volume/schemas.ts'
import { readVolumesDetail } from '../clients/volume/volumes.ts'
import { tagField } from '../inventory/tags.ts'
import type { EvsVolume, VolumeImageMetadata } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { bool, isoTime, nameOr, text, unique } from './_map.ts'

/**
 * Whether a volume is encrypted: OTC's `metadata.__system__encrypted` (`"1"`/`"0"`) first, then
 * Cinder's `encrypted` flag; null when neither says (never a guessed false).
 */
export function volumeEncrypted(w: Pick<VolumeWire, 'metadata' | 'encrypted'>): boolean | null {
  return bool(w.metadata.__system__encrypted) ?? bool(w.encrypted)
}

function imageMetadata(m: Record<string, string> | undefined): VolumeImageMetadata | null {
  if (!m) return null
  return {
    imageId: text(m.image_id),
    imageName: text(m.image_name),
    osVersion: text(m.__os_version),
    platform: text(m.__platform),
    osDistro: text(m.os_distro),
    osDistroVersion: text(m.os_version),
  }
}

/** Maps a volume; `attachments` are the attached servers' ids. */
export function toEvsVolume(w: VolumeWire, ctx: MapContext): EvsVolume {
  return {
    type: 'evs.volume',
    id: w.id,
    name: nameOr(w.name, w.id),
    region: ctx.region,
    projectId: ctx.projectId,
    ...tagField(w.tags),
    status: w.status,
    sizeGb: w.size,
    bootable: w.bootable === 'true',
    encrypted: volumeEncrypted(w),
    kmsKeyId: text(w.metadata.__system__cmkid),
    attachments: unique(w.attachments.map((a) => a.server_id)),
    imageMetadata: imageMetadata(w.volume_image_metadata),
    createdAt: isoTime(w.created_at),
    cbrVaultIds: [],
  }
}

/** Collects `evs.volume` (GET /v2 or /v3/{project_id}/volumes/detail, whichever is served). */
export const evsVolumeCollector = defineCollector({
  type: 'evs.volume',
  service: 'volume',
  services: ['volume'],
  async collect(ctx) {
    // Mapped as each volume is validated: only the resource outlives its page.
    const read = await readVolumesDetail(await ctx.client('volume'), {}, ctx.signal, (w) =>
      toEvsVolume(w, ctx),
    )
    return { resources: read.value, apiVersion: read.version }
  },
})
