/**
 * DCS v2 instances and, per instance, its IP whitelist (otc-api-platform.md §5). A whitelist
 * that cannot be read leaves the instance's whitelist fields null and becomes one issue.
 * @module
 */
import { listDcsInstances, showWhitelist } from '../clients/dcs/instances.ts'
import type { DcsInstanceWire, ShowWhitelistResponse } from '../clients/dcs/schemas.ts'
import type { DcsInstance } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'
import { fanOutIssue } from './_issue.ts'
import { FAN_OUT, failures, mapSettled } from './_pool.ts'

/** Maps an instance and, if read, its whitelist. */
export function toDcsInstance(
  w: DcsInstanceWire,
  wl: ShowWhitelistResponse | undefined,
  ctx: MapContext,
): DcsInstance {
  return {
    type: 'dcs.instance',
    id: w.instance_id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    engine: w.engine,
    engineVersion: w.engine_version,
    status: w.status,
    passwordFree: w.no_password_access,
    whitelistEnabled: wl ? wl.enable_whitelist : null,
    whitelist: wl ? wl.whitelist.flatMap((g) => g.ip_list) : null,
  }
}

/** Collects `dcs.instance`. */
export const dcsInstanceCollector = defineCollector({
  type: 'dcs.instance',
  service: 'dcs',
  services: ['dcs'],
  async collect(ctx): Promise<CollectorOutput<'dcs.instance'>> {
    const dcs = await ctx.client('dcs')
    const instances = await listDcsInstances(dcs, {}, ctx.signal)
    const lists = await mapSettled(
      instances,
      FAN_OUT,
      (i) => showWhitelist(dcs, i.instance_id, ctx.signal),
      ctx.signal,
    )
    const resources = instances.map((i, k) => {
      const l = lists[k]!
      return toDcsInstance(i, l.ok ? l.value : undefined, ctx)
    })
    const issue = fanOutIssue(
      ctx.issue,
      failures(lists),
      instances.length,
      'IP whitelists (ShowWhitelist)',
    )
    return { resources, issues: issue ? [issue] : [] }
  },
})
