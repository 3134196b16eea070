import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, REMOVE, withValueAt } from '../testing/schema-assert.ts'
import { alarmWire, cesAlarmsSample } from './fixtures.ts'
import { AlarmWire, ListAlarmsResponse } from './schemas.ts'

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
})
