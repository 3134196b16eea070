import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { fakeClient, pagesOf } from '../testing/fake-client.ts'
import { httpError, notServed } from '../testing/http-error.ts'
import { listAlarms, listAlarmsV1, readAlarms } from './alarms.ts'
import { alarmV1Wire, alarmWire } from './fixtures.ts'

const def = OPS['ces.ListAlarms']
const defV1 = OPS['ces.ListAlarmsV1']

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

describe(listAlarmsV1.name, () => {
  it('pages by passing meta_data.marker as start, ending when the total is read', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((n) => alarmV1Wire({ alarm_name: n }))
    const c = fakeClient(pagesOf(defV1, items, 2))
    const got = await listAlarmsV1(c, { limit: 2 })
    assert.deepEqual(
      got.map((x) => x.alarm_id),
      items.map((x) => x.alarm_id),
    )
    assert.deepEqual(
      c.calls.map((r) => r.query),
      [
        { limit: 2 },
        { limit: 2, start: items[1]!.alarm_id },
        { limit: 2, start: items[3]!.alarm_id },
      ],
    )
    assert.ok(c.calls.every((r) => r.path === '/V1.0/{project_id}/alarms'))
  })

  it('ends on an empty page when the body names a marker but no total is reached', async () => {
    const [a, b] = ['a', 'b'].map((n) => alarmV1Wire({ alarm_name: n }))
    const page = (alarms: unknown[], marker: string) => ({
      metric_alarms: alarms,
      meta_data: { count: alarms.length, marker, total: 99 },
    })
    const c = fakeClient([page([a, b], b!.alarm_id), page([], '')])
    assert.equal((await listAlarmsV1(c, { limit: 2 })).length, 2)
    assert.equal(c.calls.length, 2)
  })
})

describe(readAlarms.name, () => {
  it('reads v2 where it is served', async () => {
    const c = fakeClient(pagesOf(def, [alarmWire()], 100))
    const got = await readAlarms(c)
    assert.equal(got.version, 'v2')
    assert.equal(got.alarms.length, 1)
  })

  it('falls back to v1 when v2 is not served (404), and stays there', async () => {
    const v1 = pagesOf(defV1, [alarmV1Wire()], 100)[0]
    const c = fakeClient((req) => (req.path.startsWith('/v2/') ? notServed(req) : v1))
    const got = await readAlarms(c)
    assert.equal(got.version, 'v1')
    assert.equal(got.alarms[0]?.alarm_id, alarmV1Wire().alarm_id)
    await readAlarms(c)
    assert.deepEqual(
      c.calls.map((r) => r.path),
      ['/v2/{project_id}/alarms', '/V1.0/{project_id}/alarms', '/V1.0/{project_id}/alarms'],
    )
  })

  it('does not try v1 when v2 is forbidden', async () => {
    const c = fakeClient((req) => httpError(req, 403, 'CES.0003', 'Policy does not allow'))
    await assert.rejects(readAlarms(c), { kind: 'forbidden' })
    assert.equal(c.calls.length, 1)
  })
})
