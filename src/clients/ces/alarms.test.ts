import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { fakeClient, pagesOf } from '../testing/fake-client.ts'
import { listAlarms } from './alarms.ts'
import { alarmWire } from './fixtures.ts'

const def = OPS['ces.ListAlarms']

describe(listAlarms.name, () => {
  it('pages by offset until the total is reached, filters on every request', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((n) => alarmWire({ name: n }))
    const c = fakeClient(pagesOf(def, items, 2))
    const got = await listAlarms(c, { limit: 2, namespace: 'SYS.ECS' })
    assert.equal(got.length, 5)
    assert.equal(new Set(got.map((x) => x.alarm_id)).size, 5)
    assert.deepEqual(
      c.calls.map((r) => r.query),
      [0, 2, 4].map((offset) => ({ namespace: 'SYS.ECS', limit: 2, offset })),
    )
    assert.ok(c.calls.every((r) => r.path === '/v2/{project_id}/alarms' && r.scope === 'project'))
  })

  it('stops on a full last page when the total says so, asking 100 per page by default', async () => {
    const items = ['a', 'b'].map((n) => alarmWire({ name: n }))
    const c = fakeClient(pagesOf(def, items, 2))
    await listAlarms(c)
    assert.equal(c.calls.length, 1)
    assert.equal(c.calls[0]?.query?.limit, 100)
  })
})
