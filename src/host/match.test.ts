import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { daysAgo, NOW, port, server } from '../inventory/testing.ts'
import { matchHostReports } from './match.ts'
import { hostReport } from './testing.ts'

const web = server({ id: '3f2a9c1e-5b7d-4e8f-9a01-b2c3d4e5f601', name: 'web-1', portIds: ['p1'] })
const app = server({ id: 'a0000000-0000-4000-8000-000000000002', name: 'App_2', portIds: ['p2'] })
const ports = [
  port({ id: 'p1', deviceId: web.id, fixedIps: ['192.168.0.10'] }),
  port({ id: 'p2', deviceId: app.id, fixedIps: ['192.168.1.20'] }),
]
const byId = (id: string, o: Parameters<typeof hostReport>[0] = {}) =>
  hostReport({ ...o, host: { instanceId: id, instanceIdSource: 'cloud-init', ...o.host } })

describe(matchHostReports.name, () => {
  it('matches by instance id first, then by hostname and private IP', () => {
    const r1 = byId(web.id.toUpperCase())
    const r2 = hostReport({ host: { hostname: 'app-2.novalocal', addresses: ['192.168.1.20'] } })
    const { byServerId, unmatched } = matchHostReports([r1, r2], [web, app], { now: NOW, ports })
    assert.equal(byServerId.get(web.id)?.matchedBy, 'instance-id')
    assert.equal(byServerId.get(app.id)?.matchedBy, 'hostname+ip')
    assert.deepEqual(unmatched, [])
  })

  it('lists reports for unknown servers and does not fall back from a real instance id', () => {
    const gone = byId('deadbeef-0000-4000-8000-000000000000', {
      host: { hostname: 'web-1', addresses: ['192.168.0.10'] },
    })
    const wrongIp = hostReport({ host: { hostname: 'web-1', addresses: ['10.9.9.9'] } })
    const noPorts = hostReport({ host: { hostname: 'web-1', addresses: ['192.168.0.10'] } })
    const res = matchHostReports([gone, wrongIp], [web], { now: NOW, ports })
    assert.deepEqual(res.unmatched, [gone, wrongIp])
    assert.deepEqual(matchHostReports([noPorts], [web], { now: NOW }).unmatched, [noPorts])
  })

  it('lets a DMI uuid that names no server fall back to hostname + IP', () => {
    const r = hostReport({
      host: {
        instanceId: 'ffffffff-0000-4000-8000-000000000000',
        instanceIdSource: 'dmi',
        hostname: 'web-1',
        addresses: ['192.168.0.10'],
      },
    })
    assert.equal(
      matchHostReports([r], [web], { now: NOW, ports }).byServerId.get(web.id)?.matchedBy,
      'hostname+ip',
    )
  })

  it('judges staleness against maxAgeDays (default 7) and a missing time as stale', () => {
    const fresh = byId(web.id, { collectedAt: daysAgo(7) })
    const old = byId(app.id, { collectedAt: daysAgo(8) })
    const res = matchHostReports([fresh, old], [web, app], { now: NOW })
    assert.deepEqual(
      [res.byServerId.get(web.id)?.stale, res.byServerId.get(web.id)?.ageDays],
      [false, 7],
    )
    assert.deepEqual(
      [res.byServerId.get(app.id)?.stale, res.byServerId.get(app.id)?.ageDays],
      [true, 8],
    )
    assert.equal(
      matchHostReports([old], [app], { now: NOW, maxAgeDays: 30 }).byServerId.get(app.id)?.stale,
      false,
    )
    const undated = byId(web.id, { collectedAt: null })
    assert.deepEqual(
      [matchHostReports([undated], [web], { now: NOW }).byServerId.get(web.id)?.stale],
      [true],
    )
  })

  it('keeps the newest of several reports for one server', () => {
    const older = byId(web.id, { collectedAt: daysAgo(3) })
    const newer = byId(web.id, { collectedAt: daysAgo(1) })
    const res = matchHostReports([newer, older], [web], { now: NOW })
    assert.equal(res.byServerId.get(web.id)?.report, newer)
    assert.deepEqual(res.superseded, [older])
  })
})
