/**
 * Cloud Eye alarm rules, from v2 or v1 (whichever the region serves) into the same `ces.alarm`.
 * @module
 */
import { readAlarms } from '../clients/ces/alarms.ts'
import type { AlarmV1Wire, AlarmWire } from '../clients/ces/schemas.ts'
import type { CesAlarm } from '../inventory/types.ts'
import { mapSliced } from '../model/time-slice.ts'
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
    enabled: w.enabled,
    namespace: w.namespace,
    resourceIds: resourceIdsOf(dims),
    allResources: w.type === 'ALL_INSTANCE',
    actions: {
      notificationEnabled: w.notification_enabled,
      targets: unique((w.alarm_notifications ?? []).flatMap((n) => n.notification_list)),
    },
  }
}

/** Ids of the dimensions that name a resource (`instance_id=<server id>`, `*_id`). */
function resourceIdsOf(dims: readonly { name: string; value?: string }[]): string[] {
  return unique(dims.flatMap((d) => (d.value && ID_DIMENSION.test(d.name) ? d.value : [])))
}

/**
 * Maps a v1 alarm rule into the same shape as {@link toCesAlarm}: `alarm_enabled` → `enabled`,
 * `alarm_action_enabled` → `notificationEnabled`, `alarm_actions[].notificationList` → targets,
 * `metric.dimensions` → resource ids. v1 has no rule `type`: a rule whose dimensions name no
 * resource (no value) watches the whole namespace, as a v2 `ALL_INSTANCE` rule does [inferred:
 * v1 documents only per-resource rules].
 */
export function toCesAlarmV1(w: AlarmV1Wire, ctx: MapContext): CesAlarm {
  const dims = w.metric.dimensions
  return {
    type: 'ces.alarm',
    id: w.alarm_id,
    name: w.alarm_name,
    region: ctx.region,
    projectId: ctx.projectId,
    enabled: w.alarm_enabled,
    namespace: w.metric.namespace,
    resourceIds: resourceIdsOf(dims),
    allResources: dims.every((d) => !d.value),
    actions: {
      notificationEnabled: w.alarm_action_enabled,
      targets: unique((w.alarm_actions ?? []).flatMap((a) => a.notificationList)),
    },
  }
}

/** Collects `ces.alarm` (GET /v2/{project_id}/alarms, else GET /V1.0/{project_id}/alarms). */
export const cesAlarmCollector = defineCollector({
  type: 'ces.alarm',
  service: 'ces',
  services: ['ces'],
  async collect(ctx) {
    const rules = await readAlarms(await ctx.client('ces'), { signal: ctx.signal })
    const resources =
      rules.version === 'v2'
        ? await mapSliced(rules.alarms, (w) => toCesAlarm(w, ctx))
        : await mapSliced(rules.alarms, (w) => toCesAlarmV1(w, ctx))
    return { resources, apiVersion: rules.version }
  },
})
