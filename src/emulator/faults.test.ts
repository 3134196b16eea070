import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmulator, get, passwordAuth, postToken, tokenFor } from './_test-kit.ts'
import { FaultInjector } from './faults.ts'

describe('faults', () => {
  it('throttles beyond throttleRps per service: 429, Retry-After, gateway body; refills over time', async () => {
    const { app, world, pid, advance } = demoEmulator({ throttleRps: 2 })
    const token = await tokenFor(app, world)
    const path = `/cts/v3/${pid}/trackers`
    assert.equal((await get(app, path, token)).status, 200)
    assert.equal((await get(app, path, token)).status, 200)
    const limited = await get(app, path, token)
    assert.equal(limited.status, 429)
    assert.equal(limited.headers.get('Retry-After'), '1')
    assert.equal((await limited.json()).error_code, 'APIGW.0308')
    // Another service has its own bucket.
    assert.equal((await get(app, `/rds/v3/${pid}/instances`, token)).status, 200)
    advance(500)
    assert.equal((await get(app, path, token)).status, 200)
    assert.equal((await get(app, path, token)).status, 429)
    assert.equal(app.stats().faults.throttled, 2)
  })

  it('fails about faultRate of requests with 500/502/503 (503 for drops in-process), repeatably', async () => {
    const statuses = async (seed: number) => {
      const { app, world, pid } = demoEmulator({ faultRate: 0.3, seed })
      const token = await tokenFor(app, world)
      const out: number[] = []
      for (let i = 0; i < 400; i++)
        out.push((await get(app, `/network/v2.0/ports?limit=1`, token)).status)
      return { out, stats: app.stats(), pid }
    }
    const a = await statuses(7)
    const failed = a.out.filter((s) => s !== 200)
    assert.ok(
      failed.length > 400 * 0.22 && failed.length < 400 * 0.38,
      `${failed.length} of 400 failed`,
    )
    assert.ok(failed.every((s) => s === 500 || s === 502 || s === 503))
    assert.equal(a.stats.faults.total, failed.length)
    assert.equal(a.stats.faults.errors + a.stats.faults.dropped, failed.length)
    assert.ok(a.stats.faults.dropped > 0)
    assert.deepEqual((await statuses(7)).out, a.out)
    assert.notDeepEqual((await statuses(8)).out, a.out)
  })

  it('fails every request of failServices with 503 in the service format, and only those', async () => {
    const { app, world, pid } = demoEmulator({ failServices: ['cts', 'iam'] })
    const token = await tokenFor(app, world)
    for (let i = 0; i < 3; i++) {
      const res = await get(app, `/cts/v3/${pid}/trackers`, token)
      assert.equal(res.status, 503)
      assert.match((await res.json()).error_code, /^CTS\./)
    }
    assert.equal((await get(app, '/identity/v3.0/OS-USER/login-protects', token)).status, 503)
    assert.equal((await get(app, `/compute/v2.1/${pid}/servers/detail`, token)).status, 200)
    const s = app.stats()
    assert.equal(s.faults.serviceDown, 4)
    assert.deepEqual(s.faults.byService, { cts: 3, iam: 1 })
  })

  it('never throttles or randomly fails token requests, so a scan can start', async () => {
    const { app, world } = demoEmulator({ faultRate: 1, throttleRps: 1 })
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await postToken(app, passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!'))).status,
        201,
      )
  })

  it('adds latencyMs to each request', async () => {
    const { app, pid, world } = demoEmulator({ latencyMs: 30 })
    const token = await tokenFor(app, world)
    const t = performance.now()
    await get(app, `/cts/v3/${pid}/trackers`, token)
    assert.ok(performance.now() - t >= 25)
  })

  it('counts requests per service', async () => {
    const { app, world, pid } = demoEmulator()
    const token = await tokenFor(app, world)
    await get(app, `/cts/v3/${pid}/trackers`, token)
    await get(app, `/cts/v3/${pid}/trackers`, token)
    await get(app, '/network/v2.0/ports', token)
    assert.deepEqual(app.stats().requests, {
      total: 4,
      byService: { identity: 1, cts: 2, network: 1 },
    })
    app.resetStats()
    assert.equal(app.stats().requests.total, 0)
  })

  it('rejects a faultRate outside [0, 1] and a non-positive throttleRps', () => {
    assert.throws(() => new FaultInjector({ faultRate: 2 }, Date.now), RangeError)
    assert.throws(() => new FaultInjector({ throttleRps: 0 }, Date.now), RangeError)
  })
})
