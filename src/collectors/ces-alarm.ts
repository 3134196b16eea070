/**
 * Cloud Eye (CES v2) alarm rules.
 * @module
 */
import { listAlarms } from '../clients/ces/alarms.ts'
import type { AlarmWire } from '../clients/ces/schemas.ts'
import type { CesAlarm } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { unique } from './_map.ts'

/** Dimension names whose values are resource ids (`instance_id` for ECS, `rds_cluster_id`, …). */
const ID_DIMENSION = /(^|_)id$/

/**
 * Maps an alarm rule. `resourceIds` are the values of id dimensions (`instance_id`, `*_id`);
 * dimensions without a value (an `ALL_INSTANCE` rule) or naming other things (`disk_name`) give
 * none. `actions.targets` are the SMN topics of `alarm_notifications` (not the OK ones).
 */
export function toCesAlarm(w: AlarmWire, ctx: MapContext): CesAlarm {
  const dims = w.resources.flatMap((r) => r.dimensions)
  return {
    type: 'ces.alarm',
    id: w.alarm_id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    raw: w,
    enabled: w.enabled,
    namespace: w.namespace,
    resourceIds: unique(dims.flatMap((d) => (d.value && ID_DIMENSION.test(d.name) ? d.value : []))),
    allResources: w.type === 'ALL_INSTANCE',
    actions: {
      notificationEnabled: w.notification_enabled,
      targets: unique((w.alarm_notifications ?? []).flatMap((n) => n.notification_list)),
    },
  }
}

/** Collects `ces.alarm` (GET /v2/{project_id}/alarms). */
export const cesAlarmCollector = defineCollector({
  type: 'ces.alarm',
  service: 'ces',
  services: ['ces'],
  async collect(ctx) {
    const alarms = await listAlarms(await ctx.client('ces'), {}, ctx.signal)
    return { resources: alarms.map((w) => toCesAlarm(w, ctx)) }
  },
})
