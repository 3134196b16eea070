/**
 * CBR policies, which carry the policy→vault link (`associated_vaults`).
 * @module
 */
import { listPolicies } from '../clients/cbr/policies.ts'
import type { PolicyWire } from '../clients/cbr/schemas.ts'
import type { CbrPolicy, CbrRetention } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { unique } from './_map.ts'

/** A retention limit: `-1`, 0 or absent mean "no limit of this kind" (null). */
function limit(n: number | undefined): number | null {
  return n === undefined || n <= 0 ? null : n
}

/**
 * The retention of a policy: `retention_duration_days` and `max_backups`, each null when the
 * policy does not limit by it (`-1` or absent).
 */
export function cbrRetention(def: PolicyWire['operation_definition']): CbrRetention {
  return { days: limit(def.retention_duration_days), count: limit(def.max_backups) }
}

/** Maps a policy; `schedule` holds the trigger's iCalendar patterns. */
export function toCbrPolicy(w: PolicyWire, ctx: MapContext): CbrPolicy {
  return {
    type: 'cbr.policy',
    id: w.id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    enabled: w.enabled,
    operationType: w.operation_type,
    vaultIds: unique((w.associated_vaults ?? []).map((v) => v.vault_id)),
    retention: cbrRetention(w.operation_definition),
    schedule: w.trigger.properties.pattern,
  }
}

/** Collects `cbr.policy` (GET /v3/{project_id}/policies). */
export const cbrPolicyCollector = defineCollector({
  type: 'cbr.policy',
  service: 'cbr',
  services: ['cbr'],
  async collect(ctx) {
    const policies = await listPolicies(await ctx.client('cbr'), {}, ctx.signal)
    return { resources: policies.map((w) => toCbrPolicy(w, ctx)) }
  },
})
