/**
 * CBR backups (restore points) of every vault.
 * @module
 */
import { listBackups } from '../clients/cbr/backups.ts'
import type { BackupWire } from '../clients/cbr/schemas.ts'
import type { CbrBackup } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { isoTime } from './_map.ts'

/** Maps a backup; `resourceType` is the OpenStack type (`OS::Nova::Server`, `OS::Cinder::Volume`). */
export function toCbrBackup(w: BackupWire, ctx: MapContext): CbrBackup {
  return {
    type: 'cbr.backup',
    id: w.id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    resourceId: w.resource_id,
    resourceType: w.resource_type,
    vaultId: w.vault_id,
    status: w.status,
    createdAt: isoTime(w.created_at),
  }
}

/** Collects `cbr.backup` (GET /v3/{project_id}/backups). */
export const cbrBackupCollector = defineCollector({
  type: 'cbr.backup',
  service: 'cbr',
  services: ['cbr'],
  async collect(ctx) {
    // Mapped as each backup is validated: only the resource outlives its page.
    const client = await ctx.client('cbr')
    return { resources: await listBackups(client, {}, ctx.signal, (w) => toCbrBackup(w, ctx)) }
  },
})
