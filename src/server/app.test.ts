import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { SCRIPT_NAME, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { Store } from '../store/store.ts'
import { freshSqliteFile } from '../store/testing.ts'
import { createDashboard } from './app.ts'
import { Scheduler } from './scheduler.ts'
import { CSP } from './security.ts'
import { ServeConfigError, startDashboard } from './serve.ts'

describe('dashboard app (in-process)', () => {
  const file = freshSqliteFile()
  let store: Store
  let app: ReturnType<typeof createDashboard>
  const r = scanResultFixture({ hostile: true })
  before(async () => {
    store = await Store.open(file.file)
    await store.save(r)
    app = createDashboard({ store })
  })
  after(async () => {
    await store.close()
    await file.drop()
  })

  it('every answer carries the strict CSP and the other security headers', async () => {
    for (const path of ['/', '/findings', '/api/scans', '/nope', '/static/dashboard.css']) {
      const res = await app.request(path)
      assert.equal(res.headers.get('content-security-policy'), CSP, path)
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path)
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path)
    }
    assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval|\*/)
  })

  it('cloud strings are escaped in every page', async () => {
    for (const path of ['/', '/findings?size=500', '/scans', '/scans/1/issues']) {
      const body = await (await app.request(path)).text()
      assert.ok(!body.includes(XSS_NAME), path)
      assert.ok(!body.includes(SCRIPT_NAME), path)
      assert.ok(!/<script(?![^>]*(src="\/static\/|type="application\/json"))/.test(body), path)
    }
    const body = await (await app.request('/findings?size=500')).text()
    assert.ok(body.includes('&lt;img src=x onerror=alert(1)&gt;'))
  })

  it('the issues page lists every stored collection issue with its scope', async () => {
    const body = await (await app.request('/scans/1/issues')).text()
    assert.ok(r.issues.length > 0)
    assert.ok(body.includes(`Collection issues (${r.issues.length})`))
    for (const i of r.issues) {
      assert.ok(body.includes(i.resourceType), i.resourceType)
      assert.ok(body.includes(i.scope.region), i.scope.region)
    }
  })

  it('the findings API filters and pages on the server', async () => {
    const all = (await (await app.request('/api/findings?size=5')).json()) as {
      total: number
      findings: unknown[]
    }
    assert.equal(all.total, r.findings.length)
    assert.equal(all.findings.length, 5)
    const fails = (await (await app.request('/api/findings?status=fail&size=500')).json()) as {
      total: number
      findings: { status: string }[]
    }
    assert.equal(fails.total, r.findings.filter((f) => f.status === 'fail').length)
    assert.ok(fails.findings.every((f) => f.status === 'fail'))
    const text = (await (
      await app.request(`/api/findings?q=${encodeURIComponent('onerror')}`)
    ).json()) as { total: number }
    assert.ok(text.total > 0)
    const none = (await (await app.request('/api/findings?q=%25')).json()) as { total: number }
    assert.equal(
      none.total,
      r.findings.filter((f) => `${f.resource.name}${f.resource.id}${f.message}`.includes('%'))
        .length,
    )
  })

  it('a malformed parameter is 400, an unknown page 404, an unknown static file 404', async () => {
    assert.equal((await app.request('/findings?scan=1;DROP')).status, 400)
    assert.equal((await app.request('/nope')).status, 404)
    assert.equal((await app.request('/static/..%2Fapp.ts')).status, 404)
  })

  it('binding beyond loopback without a token is refused', async () => {
    await assert.rejects(startDashboard({ store, host: '0.0.0.0', port: 0 }), ServeConfigError)
  })
})

describe('Scheduler', () => {
  it('runs one scan at a time and keeps the last run', async () => {
    let release: () => void = () => {}
    let runs = 0
    const s = new Scheduler(3_600_000, '1h', async () => {
      runs++
      await new Promise<void>((done) => {
        release = done
      })
      return { exitCode: 1, message: 'stored as scan 7' }
    })
    const first = s.tick()
    await s.tick() // due while the first runs: skipped
    assert.equal(runs, 1)
    assert.equal(s.state().running, true)
    release()
    await first
    assert.deepEqual(
      [s.state().running, s.state().last?.exitCode, s.state().last?.message],
      [false, 1, 'stored as scan 7'],
    )
    s.stop()
  })
})
