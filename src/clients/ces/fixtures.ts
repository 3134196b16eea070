/**
 * Canonical Cloud Eye v2 and v1 samples (verbatim from otc-api.md) and builders of valid wire
 * items.
 * @module
 */
import { fakeHex, makeBuilder } from '../testing/fixture-ids.ts'
import { AlarmV1Wire, AlarmWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §7.2 GET /v2/{project_id}/alarms. */
export const cesAlarmsSample = {
  alarms: [
    {
      alarm_id: 'al16558829757444BVVxr999',
      name: 'alarm01',
      namespace: 'SYS.ECS',
      type: 'ALL_INSTANCE',
      enabled: true,
      notification_enabled: true,
      policies: [
        {
          metric_name: 'disk_device_read_bytes_rate',
          period: 1,
          filter: 'average',
          comparison_operator: '>',
          value: 75,
          unit: 'byte/s',
          count: 3,
          suppress_duration: 10800,
          level: 2,
        },
      ],
      resources: [{ dimensions: [{ name: 'disk_name' }] }],
      alarm_notifications: [
        { type: 'notification', notification_list: ['urn:smn:xxx:xxx70e7359:topic_xxx'] },
      ],
      ok_notifications: [
        { type: 'notification', notification_list: ['urn:smn:xxx:xxx70e7359:topic_xxx'] },
      ],
      notification_begin_time: '00:00',
      notification_end_time: '23:59',
      enterprise_project_id: '0',
    },
  ],
  count: 1,
}

/**
 * A valid enabled ALL_INSTANCE alarm rule with notifications; a new `name` derives a stable new
 * `alarm_id` (`al` + 22 characters, like the cloud's).
 * @example alarmWire({ name: 'cpu', notification_enabled: false })
 */
export const alarmWire = makeBuilder<AlarmWire>(AlarmWire.parse(cesAlarmsSample.alarms[0]), {
  kind: 'alarm',
  idKey: 'alarm_id',
  makeId: (seed) => `al${fakeHex(seed, 22)}`,
})

/** Real sample body, verbatim from otc-api.md §7.1 GET /V1.0/{project_id}/alarms. */
export const cesAlarmsV1Sample = {
  metric_alarms: [
    {
      alarm_id: 'al1533031226533nKJexAlbq',
      alarm_name: 'alarm-m5rwxxxxxxx',
      alarm_description: '',
      metric: {
        namespace: 'SYS.ECS',
        metric_name: 'network_incoming_bytes_aggregate_rate',
        dimensions: [{ name: 'instance_id', value: '30f3858d-4377-4514-9081-be5bdbf1392e' }],
      },
      condition: {
        period: 300,
        filter: 'average',
        comparison_operator: '>=',
        value: 12,
        unit: 'Byte/s',
        count: 3,
        suppress_duration: 1800,
      },
      alarm_enabled: true,
      alarm_level: 2,
      alarm_action_enabled: true,
      alarm_actions: [
        {
          type: 'notification',
          notificationList: ['urn:smn:region:68438a86d98e427e907e0097b7e35d48:test0315'],
        },
      ],
      ok_actions: [
        {
          type: 'notification',
          notificationList: ['urn:smn:region:68438a86d98e427e907e0097b7e35d48:test0315'],
        },
      ],
      update_time: 1533204036276,
      alarm_state: 'ok',
    },
  ],
  meta_data: { count: 2, marker: 'al1533031226533nKJexAlbq', total: 389 },
}

/**
 * A valid enabled v1 alarm rule on one server, with a notification; a new `alarm_name` derives a
 * stable new `alarm_id`.
 * @example alarmV1Wire({ alarm_name: 'cpu', alarm_action_enabled: false })
 */
export const alarmV1Wire = makeBuilder<AlarmV1Wire>(
  AlarmV1Wire.parse(cesAlarmsV1Sample.metric_alarms[0]),
  {
    kind: 'alarm',
    idKey: 'alarm_id',
    nameKey: 'alarm_name',
    makeId: (seed) => `al${fakeHex(seed, 22)}`,
  },
)
