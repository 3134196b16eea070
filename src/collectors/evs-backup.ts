/**
 * Cinder volume backups (plain OpenStack backups, not CBR; v2 or v3: the same body).
 * @module
 */
import { readBackupsDetail } from '../clients/volume/backups.ts'
import type { BackupWire } from '../clients/volume/schemas.ts'
import type { EvsBackup } from '../inventory/types.ts'
import { mapSliced } from '../model/time-slice.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { isoTime, nameOr } from './_map.ts'

/** Maps a volume backup. */
export function toEvsBackup(w: BackupWire, ctx: MapContext): EvsBackup {
  return {
    type: 'evs.backup',
    id: w.id,
    name: nameOr(w.name, w.id),
    region: ctx.region,
    projectId: ctx.projectId,
    volumeId: w.volume_id,
    status: w.status,
    createdAt: isoTime(w.created_at),
  }
}

/** Collects `evs.backup` (GET /v2 or /v3/{project_id}/backups/detail, whichever is served). */
export const evsBackupCollector = defineCollector({
  type: 'evs.backup',
  service: 'volume',
  services: ['volume'],
  async collect(ctx) {
    const read = await readBackupsDetail(await ctx.client('volume'), {}, ctx.signal)
    return {
      resources: await mapSliced(read.value, (w) => toEvsBackup(w, ctx)),
      apiVersion: read.version,
    }
  },
})
