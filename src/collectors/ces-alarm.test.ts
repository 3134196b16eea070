import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { alarmWire, cesAlarmsSample } from '../clients/ces/fixtures.ts'
import { AlarmWire } from '../clients/ces/schemas.ts'
import { toCesAlarm } from './ces-alarm.ts'
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
