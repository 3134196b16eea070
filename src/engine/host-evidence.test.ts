import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostReport } from '../host/testing.ts'
import { daysAgo, inventory, NOW, port, server } from '../inventory/testing.ts'
import { InputError } from '../model/input-error.ts'
import { collectedInFuture, HOST_CLOCK_SKEW_MS, matchHostEvidence } from './host-evidence.ts'

const web = server({ id: '3f2a9c1e-5b7d-4e8f-9a01-b2c3d4e5f601', name: 'web-1', portIds: ['p1'] })
const app = server({ id: 'a0000000-0000-4000-8000-000000000002', name: 'app-2', portIds: ['p2'] })
const inv = inventory([
  web,
  app,
  port({ id: 'p1', deviceId: web.id, fixedIps: ['192.168.0.10'] }),
  port({ id: 'p2', deviceId: app.id, fixedIps: ['192.168.1.20'] }),
])
const byId = (id: string, o: Parameters<typeof hostReport>[0] = {}) =>
  hostReport({ ...o, host: { instanceId: id, instanceIdSource: 'cloud-init', ...o?.host } })
const opts = { now: NOW, maxAgeDays: 7 }

describe(matchHostEvidence.name, () => {
  it('gives one note per file saying which server matched and how', () => {
    const a = byId(web.id)
    const b = hostReport({ host: { hostname: 'app-2', addresses: ['10.0.0.1', '192.168.1.20'] } })
    const res = matchHostEvidence(
      { reports: [a, b], files: ['h/web.json', 'h/app.txt'], errors: [] },
      inv,
      opts,
    )
    assert.equal(res.byServerId.get(web.id)?.report, a)
    assert.equal(res.byServerId.get(app.id)?.matchedBy, 'hostname+ip')
    assert.deepEqual(
      res.notes.map((n) => [n.level, n.code, n.source]),
      [
        ['info', 'host-report-matched', 'h/web.json'],
        ['info', 'host-report-matched', 'h/app.txt'],
      ],
    )
    assert.match(
      res.notes[0]!.message,
      /^matched server web-1 \(3f2a9c1e-.*\) by instance id; .*1 day ago$/,
    )
    assert.match(
      res.notes[1]!.message,
      /by hostname app-2 and private IP 192\.168\.1\.20 \(it has no instance id\)/,
    )
  })

  it('warns about stale and unmatched reports and names bad files', () => {
    const stale = byId(web.id, { collectedAt: daysAgo(12) })
    const gone = byId('deadbeef-0000-4000-8000-000000000000', { host: { hostname: 'old-3' } })
    const nobody = hostReport({ host: { hostname: null, addresses: null } })
    const bad = new InputError('h/broken.json', [
      { path: 'patching.pending', message: 'expected number' },
    ])
    const res = matchHostEvidence(
      {
        reports: [stale, gone, nobody],
        files: ['h/s.json', 'h/g.json', 'h/n.json'],
        errors: [bad],
      },
      inv,
      opts,
    )
    const [invalid, s, g, n] = res.notes
    assert.deepEqual(
      [invalid!.code, invalid!.level, invalid!.source],
      ['host-report-invalid', 'warning', 'h/broken.json'],
    )
    assert.match(invalid!.message, /not used: patching\.pending: expected number/)
    assert.equal(s!.code, 'host-report-stale')
    assert.match(s!.message, /12 days ago; limit 7 days\): its host checks give error/)
    assert.equal(res.byServerId.get(web.id)?.stale, true)
    assert.equal(g!.code, 'host-report-unmatched')
    assert.match(
      g!.message,
      /no server in this project has its instance id deadbeef-.* \(hostname old-3\)/,
    )
    assert.match(n!.message, /no instance id, and no hostname and address/)
  })

  it('names the newer report that superseded an older one', () => {
    const older = byId(web.id, { collectedAt: daysAgo(3) })
    const newer = byId(web.id, { collectedAt: daysAgo(1) })
    const res = matchHostEvidence(
      { reports: [older, newer], files: ['h/old.json', 'h/new.json'], errors: [] },
      inv,
      opts,
    )
    assert.equal(res.byServerId.get(web.id)?.report, newer)
    assert.equal(res.notes[0]!.code, 'host-report-superseded')
    assert.match(res.notes[0]!.message, /h\/new\.json is a newer report of the same server/)
    assert.equal(res.notes[1]!.code, 'host-report-matched')
  })

  it('does not use a report collected in the future beyond the clock skew; says so, naming the time', () => {
    const future = byId(web.id, { collectedAt: '2099-01-01T00:00:00Z' })
    const older = byId(web.id, { collectedAt: daysAgo(2) })
    const res = matchHostEvidence(
      { reports: [future, older], files: ['h/future.json', 'h/older.json'], errors: [] },
      inv,
      opts,
    )
    assert.equal(
      res.byServerId.get(web.id)?.report,
      older,
      'the future one neither wins nor supersedes',
    )
    const [f, o] = res.notes
    assert.deepEqual(
      [f!.code, f!.level, f!.source],
      ['host-report-invalid', 'warning', 'h/future.json'],
    )
    assert.match(
      f!.message,
      /not used: collectedAt 2099-01-01T00:00:00Z lies in the future \(scan time .*; up to 10 minutes of clock skew/,
    )
    assert.equal(o!.code, 'host-report-matched')
  })

  it('accepts a report a few minutes ahead (clock skew)', () => {
    const ahead = new Date(NOW.getTime() + 5 * 60_000).toISOString()
    const res = matchHostEvidence(
      { reports: [byId(web.id, { collectedAt: ahead })], files: ['h/a.json'], errors: [] },
      inv,
      opts,
    )
    assert.equal(res.notes[0]!.code, 'host-report-matched')
    assert.equal(res.byServerId.get(web.id)?.stale, false)
  })
})

describe(collectedInFuture.name, () => {
  it('allows the skew and no more', () => {
    const at = (ms: number) =>
      hostReport({ collectedAt: new Date(NOW.getTime() + ms).toISOString() })
    assert.equal(collectedInFuture(at(HOST_CLOCK_SKEW_MS), NOW), false)
    assert.equal(collectedInFuture(at(HOST_CLOCK_SKEW_MS + 1000), NOW), true)
    assert.equal(collectedInFuture(hostReport({ collectedAt: null }), NOW), false)
  })
})
