/**
 * Wire shapes of the Cloud Eye (CES) v2 alarm rule API. We read v2, not v1: the OTC docs mark v2
 * "recommended", it pages by offset with a total `count` (v1 pages by a `start` alarm id whose
 * end is only implied), and it shows the rule `type` (ALL_INSTANCE etc.) and the notification
 * window that v1 lacks. Its field names are snake_case throughout (`notification_list`).
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
