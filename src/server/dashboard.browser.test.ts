/**
 * The dashboard in headless Chromium (playwright-core, Debian's chromium): the overview, the
 * findings browser's server-side filter, a resource page, the diff view, a trend chart drawn
 * with data, hostile cloud strings that trigger no dialog, script error or CSP violation, and the
 * auth token enforced on every route. Skipped without /usr/bin/chromium unless CI is set.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import type { ScanResult } from '../engine/types.ts'
import { Store } from '../store/store.ts'
import { freshSqliteFile } from '../store/testing.ts'
import { type RunningDashboard, startDashboard } from './serve.ts'

const CHROMIUM = process.env.SPHERE_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const present = existsSync(CHROMIUM)
const skip = !present && !process.env.CI ? `Chromium not installed at ${CHROMIUM}` : false
const TOKEN = 'test-token-0123456789abcdef'

/** The hostile fixture again a minute later, with one passing finding on a hostile-named resource now failing. */
function secondScan(r: ScanResult): {
  result: ScanResult
  flipped: ScanResult['findings'][number]
} {
  const i = r.findings.findIndex((f) => f.status === 'pass' && f.resource.name.includes('<'))
  const j = i >= 0 ? i : r.findings.findIndex((f) => f.status === 'pass')
  const flipped = { ...r.findings[j]!, status: 'fail' as const }
  return {
    result: {
      ...r,
      scan: {
        ...r.scan,
        startedAt: new Date(Date.parse(r.scan.startedAt) + 3_600_000).toISOString(),
      },
      findings: r.findings.map((f, k) => (k === j ? flipped : f)),
    },
    flipped,
  }
}

describe('dashboard in Chromium', { skip }, () => {
  let browser: Browser
  let context: BrowserContext
  let dash: RunningDashboard
  let store: Store
  const file = freshSqliteFile()
  const problems: string[] = []
  const first = scanResultFixture({ hostile: true })
  const { result: second, flipped } = secondScan(first)

  before(async () => {
    assert.ok(
      present,
      `browser tests need Chromium at ${CHROMIUM} (Debian package "chromium"); CI is set, so this is a failure`,
    )
    store = await Store.open(file.file)
    await store.save(first)
    await store.save(second)
    dash = await startDashboard({ store, token: TOKEN, port: 0 })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 })
    context = await browser.newContext({
      extraHTTPHeaders: { Authorization: `Bearer ${TOKEN}` },
      viewport: { width: 1280, height: 900 },
    })
  })
  after(async () => {
    await browser?.close()
    await dash?.close()
    await store?.close()
    await file.drop()
  })

  async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
    const page = await ctx.newPage()
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text()))
        problems.push(`console: ${m.text()} (${m.location().url})`)
    })
    page.on('request', (req) => {
      if (!req.url().startsWith(dash.url)) problems.push(`request elsewhere: ${req.url()}`)
    })
    await page.goto(`${dash.url}${path}`)
    return page
  }

  it('overview: a row per scope with duty statuses, fails by severity of the newest scan', async () => {
    const page = await open('/')
    assert.equal(await page.locator('#heatmap tbody tr').count(), second.scopes.length)
    assert.ok((await page.locator('#heatmap td.cell.st-not_met').count()) > 0)
    const critical = second.findings.filter(
      (f) => f.status === 'fail' && f.severity === 'critical',
    ).length
    assert.equal(
      await page.locator('.count[data-severity=critical] b').textContent(),
      String(critical),
    )
    await page.close()
  })

  it('findings: filtering by status and severity is done by the server, with paging', async () => {
    const page = await open('/findings')
    assert.match(
      (await page.locator('#total').first().textContent()) ?? '',
      new RegExp(`^${second.findings.length} findings`),
    )
    await page.selectOption('#filters select[name=status]', 'fail')
    await page.selectOption('#filters select[name=severity]', 'high')
    await Promise.all([page.waitForURL(/status=fail/), page.click('#filters button[type=submit]')])
    const want = second.findings.filter((f) => f.status === 'fail' && f.severity === 'high').length
    assert.match(
      (await page.locator('#total').first().textContent()) ?? '',
      new RegExp(`^${want} findings`),
    )
    assert.equal(await page.locator('#findings tbody tr').count(), Math.min(want, 50))
    await page.close()
  })

  it('resource page: every finding of the resource with its history over both scans', async () => {
    const page = await open('/findings?status=fail')
    const link = page.locator('#findings tbody tr td:nth-child(4) a').first()
    const name = await link.textContent()
    await Promise.all([page.waitForURL(/\/resource\?/), link.click()])
    assert.ok((await page.locator('h1').textContent())?.includes(name ?? '\u0000'))
    const rows = page.locator('#resource-findings tbody tr')
    assert.ok((await rows.count()) >= 1)
    assert.equal(await rows.first().locator('td:last-child .badge').count(), 2)
    await page.close()
  })

  it('diff view: the one new failure, its hostile name shown as text', async () => {
    const page = await open('/diff')
    assert.match((await page.locator('#new-failures').textContent()) ?? '', /\(1\)/)
    const cell = page.locator('#new-failures + table tbody tr td:nth-child(4)')
    assert.equal(await cell.textContent(), flipped.resource.name)
    assert.match(
      (await page.locator('#diff-summary').textContent()) ?? '',
      /^1 new failures, 0 fixed/,
    )
    await page.close()
  })

  it('trends: both charts drawn with one point per scan', async () => {
    const page = await open('/trends')
    await page.waitForSelector('body[data-charts-ready="1"]')
    assert.equal(await page.locator('#chart-fails').getAttribute('data-points'), '2')
    const painted = await page.evaluate(() => {
      const c = document.getElementById('chart-fails') as HTMLCanvasElement
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let n = 0
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++
      return n
    })
    assert.ok(painted > 1000, `chart pixels painted: ${painted}`)
    await page.close()
  })

  it('hostile names on every page: no dialog, no script error, no CSP violation, markup intact', async () => {
    for (const path of [
      '/',
      '/findings',
      '/findings?q=%3Cimg',
      '/diff',
      '/scans',
      '/scans/2/issues',
      '/matrix',
      `/checks/${encodeURIComponent(flipped.checkId)}`,
    ]) {
      const page = await open(path)
      await page.waitForLoadState('load')
      assert.equal(await page.locator('img[src=x]').count(), 0, path)
      assert.equal(
        await page.locator('body script:not([type="application/json"])').count(),
        0,
        path,
      )
      await page.close()
    }
    const page = await open(`/findings?q=${encodeURIComponent(XSS_NAME.slice(0, 8))}`)
    assert.equal(await page.locator('input[name=q]').inputValue(), XSS_NAME.slice(0, 8))
    await page.close()
    assert.deepEqual(problems, [])
  })

  it('auth token: without it every route is 401; ?token= once sets a cookie that works', async () => {
    const bare = await browser.newContext()
    for (const path of [
      '/',
      '/findings',
      '/api/scans',
      '/api/findings',
      '/static/trends.js',
      '/static/chart.umd.js',
      '/nope',
    ]) {
      const res = await bare.request.get(`${dash.url}${path}`)
      assert.equal(res.status(), 401, path)
    }
    const wrong = await bare.request.get(`${dash.url}/api/scans`, {
      headers: { Authorization: 'Bearer wrong-token-0123456789' },
    })
    assert.equal(wrong.status(), 401)
    const page = await bare.newPage()
    await page.goto(`${dash.url}/trends?token=${TOKEN}`)
    assert.equal(new URL(page.url()).search, '')
    await page.waitForSelector('body[data-charts-ready="1"]')
    assert.equal((await bare.request.get(`${dash.url}/api/scans`)).status(), 200)
    await bare.close()
  })
})
