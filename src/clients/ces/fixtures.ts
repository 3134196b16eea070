/**
 * Canonical Cloud Eye v2 samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { fakeHex, makeBuilder } from '../testing/fixture-ids.ts'
import { AlarmWire } from './schemas.ts'

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
