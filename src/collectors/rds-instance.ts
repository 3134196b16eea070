/**
 * RDS v3 DB instances. Backups are not a resource type of the inventory: the retention the
 * checks need is `backup_strategy.keep_days`, so no per-instance backup fan-out is made.
 * @module
 */
import { listInstances } from '../clients/rds/instances.ts'
import type { InstanceWire } from '../clients/rds/schemas.ts'
import { tagField } from '../inventory/tags.ts'
import type { RdsInstance } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'

/** Maps an instance; `backupKeepDays` 0 means automated backups are off. */
export function toRdsInstance(w: InstanceWire, ctx: MapContext): RdsInstance {
  return {
    type: 'rds.instance',
    id: w.id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    ...tagField(w.tags),
    status: w.status,
    engine: w.datastore.type,
    engineVersion: w.datastore.version,
    publicIps: w.public_ips,
    backupKeepDays: w.backup_strategy.keep_days,
    // "" = not encrypted (the create API's default); absent = the API did not say.
    encrypted:
      w.disk_encryption_id === undefined || w.disk_encryption_id === null
        ? null
        : w.disk_encryption_id !== '',
    kmsKeyId: w.disk_encryption_id || null,
  }
}

/** Collects `rds.instance` (GET /v3/{project_id}/instances). */
export const rdsInstanceCollector = defineCollector({
  type: 'rds.instance',
  service: 'rds',
  services: ['rds'],
  async collect(ctx) {
    const instances = await listInstances(await ctx.client('rds'), {}, ctx.signal)
    return { resources: instances.map((w) => toRdsInstance(w, ctx)) }
  },
})
