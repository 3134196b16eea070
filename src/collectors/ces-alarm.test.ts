import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  alarmV1Wire,
  alarmWire,
  cesAlarmsSample,
  cesAlarmsV1Sample,
} from '../clients/ces/fixtures.ts'
import { AlarmV1Wire, AlarmWire } from '../clients/ces/schemas.ts'
import { toCesAlarm, toCesAlarmV1 } from './ces-alarm.ts'
import { CTX } from './testing.ts'

describe(toCesAlarm.name, () => {
  it('maps the doc sample (an ALL_INSTANCE rule)', () => {
    const a = toCesAlarm(AlarmWire.parse(cesAlarmsSample.alarms[0]), CTX)
    assert.equal(a.id, 'al16558829757444BVVxr999')
    assert.equal(a.enabled, true)
    assert.equal(a.namespace, 'SYS.ECS')
    assert.equal(a.allResources, true)
    assert.deepEqual(a.resourceIds, [])
    assert.deepEqual(a.actions, {
      notificationEnabled: true,
      targets: ['urn:smn:xxx:xxx70e7359:topic_xxx'],
    })
  })

  it('reads instance ids from the dimensions of a per-resource rule', () => {
    const a = toCesAlarm(
      alarmWire({
        type: 'MULTI_INSTANCE',
        resources: [
          { dimensions: [{ name: 'instance_id', value: 'srv-1' }] },
          {
            dimensions: [
              { name: 'instance_id', value: 'srv-2' },
              { name: 'disk_name', value: 'vda' },
            ],
          },
        ],
        alarm_notifications: null,
        notification_enabled: false,
      }),
      CTX,
    )
    assert.equal(a.allResources, false)
    assert.deepEqual(a.resourceIds, ['srv-1', 'srv-2'])
    assert.deepEqual(a.actions, { notificationEnabled: false, targets: [] })
  })
})

describe(toCesAlarmV1.name, () => {
  it('maps the v1 doc sample (a rule on one server)', () => {
    const a = toCesAlarmV1(AlarmV1Wire.parse(cesAlarmsV1Sample.metric_alarms[0]), CTX)
    assert.equal(a.id, 'al1533031226533nKJexAlbq')
    assert.equal(a.name, 'alarm-m5rwxxxxxxx')
    assert.equal(a.enabled, true)
    assert.equal(a.namespace, 'SYS.ECS')
    assert.equal(a.allResources, false)
    assert.deepEqual(a.resourceIds, ['30f3858d-4377-4514-9081-be5bdbf1392e'])
    assert.deepEqual(a.actions, {
      notificationEnabled: true,
      targets: ['urn:smn:region:68438a86d98e427e907e0097b7e35d48:test0315'],
    })
  })

  it('reads disabled rules, disabled actions and rules without a resource like v2 does', () => {
    const v1 = alarmV1Wire({
      alarm_name: 'all',
      alarm_enabled: false,
      alarm_action_enabled: false,
      alarm_actions: null,
      metric: { namespace: 'SYS.ECS', metric_name: 'cpu_util', dimensions: [] },
    })
    const v2 = alarmWire({
      alarm_id: v1.alarm_id,
      name: 'all',
      enabled: false,
      notification_enabled: false,
      alarm_notifications: null,
      type: 'ALL_INSTANCE',
      resources: [{ dimensions: [] }],
    })
    const fromV1 = toCesAlarmV1(v1, CTX)
    const fromV2 = toCesAlarm(v2, CTX)
    assert.deepEqual(fromV1, fromV2)
    assert.equal(fromV1.allResources, true)
    assert.deepEqual(fromV1.actions, { notificationEnabled: false, targets: [] })
  })
})
