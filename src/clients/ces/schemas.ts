/**
 * Wire shapes of the Cloud Eye (CES) alarm rule APIs, v2 and v1 (otc-api.md §7.1, §7.2). Both
 * are served in parallel where a region has v2 (`alarms.ts` says which is read first); v1 alone
 * where it has not (the Swiss region, otc-api-platform.md §10). v2 is snake_case throughout
 * (`notification_list`) and shows the rule `type` (ALL_INSTANCE etc.); v1 nests the metric and
 * condition, names its notification targets in camelCase (`notificationList`) and pages by a
 * `start` alarm id with `meta_data.marker`.
 * @module
 */
import { z } from 'zod'

/** A `{ name, value }` metric dimension; `value` is absent for "all instances" rules. */
export const DimensionWire = z.object({ name: z.string(), value: z.string().optional() })

/** An alarm or OK notification target (SMN topic URNs). */
export const AlarmNotificationWire = z.object({
  /** notification, autoscaling, ... */
  type: z.string(),
  notification_list: z.array(z.string()),
})
export type AlarmNotificationWire = z.output<typeof AlarmNotificationWire>

/** One condition of a v2 alarm rule (`policies[]`). */
export const AlarmPolicyWire = z.object({
  metric_name: z.string(),
  period: z.number(),
  filter: z.string(),
  comparison_operator: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  count: z.number(),
  suppress_duration: z.number().optional(),
  /** 1 critical, 2 major, 3 minor, 4 info. */
  level: z.number().optional(),
})
export type AlarmPolicyWire = z.output<typeof AlarmPolicyWire>

/** One alarm rule of GET /v2/{project_id}/alarms (CES "Querying Alarm Rules (Recommended)"). */
export const AlarmWire = z.object({
  alarm_id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  /** `SYS.ECS`, `AGT.ECS`, `SYS.EVS`, `SYS.RDS`, `SYS.CBR`, ... */
  namespace: z.string(),
  /** ALL_INSTANCE, RESOURCE_GROUP, MULTI_INSTANCE. */
  type: z.string(),
  enabled: z.boolean(),
  notification_enabled: z.boolean(),
  policies: z.array(AlarmPolicyWire),
  resources: z.array(z.object({ dimensions: z.array(DimensionWire) })),
  alarm_notifications: z.array(AlarmNotificationWire).nullish(),
  ok_notifications: z.array(AlarmNotificationWire).nullish(),
  notification_begin_time: z.string().optional(),
  notification_end_time: z.string().optional(),
  enterprise_project_id: z.string().optional(),
  alarm_template_id: z.string().optional(),
})
export type AlarmWire = z.output<typeof AlarmWire>

/** GET /v2/{project_id}/alarms (CES "Querying Alarm Rules (Recommended)"; offset + limit, total in count). */
export const ListAlarmsResponse = z.object({
  alarms: z.array(AlarmWire),
  count: z.number(),
})
export type ListAlarmsResponse = z.output<typeof ListAlarmsResponse>

/** An alarm or OK action of a v1 rule (camelCase `notificationList`, as in the API). */
export const AlarmActionV1Wire = z.object({
  /** notification, autoscaling, ... */
  type: z.string(),
  notificationList: z.array(z.string()),
})
export type AlarmActionV1Wire = z.output<typeof AlarmActionV1Wire>

/** One alarm rule of GET /V1.0/{project_id}/alarms (CES v1 "Querying Alarm Rules"). */
export const AlarmV1Wire = z.object({
  alarm_id: z.string(),
  alarm_name: z.string(),
  alarm_description: z.string().nullish(),
  metric: z.object({
    /** `SYS.ECS`, `AGT.ECS`, `SYS.EVS`, ... */
    namespace: z.string(),
    metric_name: z.string(),
    dimensions: z.array(DimensionWire),
  }),
  condition: z.object({
    period: z.number(),
    filter: z.string(),
    comparison_operator: z.string(),
    value: z.number(),
    unit: z.string().optional(),
    count: z.number(),
    suppress_duration: z.number().optional(),
  }),
  alarm_enabled: z.boolean(),
  /** 1 critical, 2 major, 3 minor, 4 info. */
  alarm_level: z.number().optional(),
  alarm_action_enabled: z.boolean(),
  alarm_actions: z.array(AlarmActionV1Wire).nullish(),
  ok_actions: z.array(AlarmActionV1Wire).nullish(),
  /** Epoch milliseconds. */
  update_time: z.number().optional(),
  /** ok, alarm, insufficient_data. */
  alarm_state: z.string().optional(),
})
export type AlarmV1Wire = z.output<typeof AlarmV1Wire>

/**
 * GET /V1.0/{project_id}/alarms (CES v1; `start` = the alarm id to continue after, `limit`
 * 1-100). `meta_data.marker` is the last alarm id of the page (passed as the next `start`),
 * `total` the number of rules.
 */
export const ListAlarmsV1Response = z.object({
  metric_alarms: z.array(AlarmV1Wire),
  meta_data: z.object({
    count: z.number(),
    marker: z.string().nullish(),
    total: z.number(),
  }),
})
export type ListAlarmsV1Response = z.output<typeof ListAlarmsV1Response>
