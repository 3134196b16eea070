import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, REMOVE, withValueAt } from '../testing/schema-assert.ts'
import { alarmV1Wire, alarmWire, cesAlarmsSample, cesAlarmsV1Sample } from './fixtures.ts'
import { AlarmV1Wire, AlarmWire, ListAlarmsResponse, ListAlarmsV1Response } from './schemas.ts'

describe('ces wire schemas', () => {
  it('parses the v2 alarm rules sample (snake_case notification_list)', () => {
    const body = ListAlarmsResponse.parse(cesAlarmsSample)
    const a = body.alarms[0]!
    assert.equal(a.alarm_id, 'al16558829757444BVVxr999')
    assert.equal(a.namespace, 'SYS.ECS')
    assert.equal(a.type, 'ALL_INSTANCE')
    assert.equal(a.enabled, true)
    assert.equal(a.policies[0]?.metric_name, 'disk_device_read_bytes_rate')
    assert.deepEqual(a.resources[0]?.dimensions, [{ name: 'disk_name' }])
    assert.match(a.alarm_notifications?.[0]?.notification_list[0] ?? '', /^urn:smn:/)
    assert.equal(body.count, 1)
  })

  it('names the field of a broken body', () => {
    const v1Style = withValueAt(
      cesAlarmsSample,
      ['alarms', 0, 'alarm_notifications', 0, 'notification_list'],
      REMOVE,
    )
    assert.deepEqual(issuePaths(ListAlarmsResponse, v1Style), [
      'alarms.0.alarm_notifications.0.notification_list',
    ])
    const noCount = withValueAt(cesAlarmsSample, ['count'], REMOVE)
    assert.deepEqual(issuePaths(ListAlarmsResponse, noCount), ['count'])
  })

  it('builds valid alarms with cloud-shaped ids', () => {
    const a = alarmWire({ name: 'cpu', notification_enabled: false, alarm_notifications: [] })
    assert.deepEqual(issuePaths(AlarmWire, a), [])
    assert.match(a.alarm_id, /^al[0-9a-f]{22}$/)
  })

  it('parses the v1 alarm rules sample (camelCase notificationList, meta_data paging)', () => {
    const body = ListAlarmsV1Response.parse(cesAlarmsV1Sample)
    const a = body.metric_alarms[0]!
    assert.equal(a.alarm_name, 'alarm-m5rwxxxxxxx')
    assert.equal(a.metric.namespace, 'SYS.ECS')
    assert.deepEqual(a.metric.dimensions, [
      { name: 'instance_id', value: '30f3858d-4377-4514-9081-be5bdbf1392e' },
    ])
    assert.equal(a.alarm_enabled, true)
    assert.equal(a.alarm_action_enabled, true)
    assert.match(a.alarm_actions?.[0]?.notificationList[0] ?? '', /^urn:smn:/)
    assert.deepEqual(body.meta_data, { count: 2, marker: 'al1533031226533nKJexAlbq', total: 389 })
  })

  it('names the field of a broken v1 body and builds valid v1 rules', () => {
    const v2Style = withValueAt(
      cesAlarmsV1Sample,
      ['metric_alarms', 0, 'alarm_actions', 0, 'notificationList'],
      REMOVE,
    )
    assert.deepEqual(issuePaths(ListAlarmsV1Response, v2Style), [
      'metric_alarms.0.alarm_actions.0.notificationList',
    ])
    const a = alarmV1Wire({ alarm_name: 'cpu', alarm_action_enabled: false })
    assert.deepEqual(issuePaths(AlarmV1Wire, a), [])
    assert.match(a.alarm_id, /^al[0-9a-f]{22}$/)
  })
})
