/**
 * The HTML report in a real browser (headless Chromium through playwright-core), opened from a
 * file:// URL as a customer would. Without /usr/bin/chromium (or `SPHERE_CHROMIUM`) these tests are skipped, except in
 * CI (`CI` set), where that is a failure with a clear message.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { manyFindingsResult, SCRIPT_NAME, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import type { ScanResult } from '../engine/types.ts'
import { renderHtml } from './html.ts'

/** Debian's Chromium; `SPHERE_CHROMIUM` points elsewhere (e.g. to check the skip path). */
const CHROMIUM = process.env.SPHERE_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const present = existsSync(CHROMIUM)
const skip = !present && !process.env.CI ? `Chromium not installed at ${CHROMIUM}` : false

describe('HTML report in Chromium', { skip }, () => {
  let browser: Browser
  const dir = mkdtempSync(join(tmpdir(), 'sphere-html-'))
  const dialogs: string[] = []
  const pageErrors: string[] = []
  const r = scanResultFixture({ hostile: true })

  before(async () => {
    assert.ok(
      present,
      `headless browser tests need Chromium at ${CHROMIUM} (install the Debian "chromium" package); CI is set, so this is a failure`,
    )
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 })
  })
  after(async () => {
    for (const p of browser?.contexts().flatMap((c) => c.pages()) ?? []) await p.close()
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const timings = new Map<string, { renderMs: number; loadMs: number }>()

  async function open(result: ScanResult, name: string, pageSize?: number): Promise<Page> {
    const file = join(dir, `${name}.html`)
    const t0 = Date.now()
    writeFileSync(file, renderHtml(result, pageSize ? { pageSize } : {}))
    const t1 = Date.now()
    const page = await browser.newPage()
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    // Nothing may leave the file: any request other than the file itself fails the test.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    )
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) pageErrors.push(`network request to ${req.url()}`)
    })
    await page.goto(pathToFileURL(file).href)
    await page.waitForSelector('html[data-ready="1"]', { timeout: 60_000 })
    timings.set(name, { renderMs: t1 - t0, loadMs: Date.now() - t1 })
    return page
  }

  const rows = (page: Page) => page.locator('#findings-body tr.finding').count()
  const expected = (pred: (f: ScanResult['findings'][number]) => boolean) =>
    r.findings.filter(pred).length
  const byLabel = (page: Page, sel: string, label: string) => page.selectOption(sel, { label })
  /** Types into the search box and waits until the (debounced) filter shows `n` rows. */
  async function search(page: Page, q: string): Promise<number> {
    const n = expected((f) =>
      [f.resource.name, f.resource.id, f.checkId, f.message, f.resource.type, f.resource.region]
        .join('\n')
        .toLowerCase()
        .includes(q.toLowerCase()),
    )
    await page.fill('#f-q', q)
    await page.waitForFunction(
      (want) => document.querySelectorAll('#findings-body tr.finding').length === want,
      Math.min(n, 100),
    )
    return n
  }

  it('filters findings by duty, severity, status and text', async () => {
    const page = await open(r, 'filters')
    assert.equal(await rows(page), r.findings.length)
    const duty = r.duties.find((d) => d.id === 'network-access')!
    await byLabel(page, '#f-duty', `${duty.title} (network-access)`)
    assert.equal(
      await rows(page),
      expected((f) => f.duty === 'network-access'),
    )
    await byLabel(page, '#f-severity', 'critical')
    assert.equal(
      await rows(page),
      expected((f) => f.duty === 'network-access' && f.severity === 'critical'),
    )
    await page.selectOption('#f-duty', '')
    await page.selectOption('#f-severity', '')
    await byLabel(page, '#f-status', 'fail')
    assert.equal(
      await rows(page),
      expected((f) => f.status === 'fail'),
    )
    await byLabel(page, '#f-status', 'muted')
    assert.equal(
      await rows(page),
      expected((f) => f.status === 'muted'),
    )
    await page.selectOption('#f-status', '')
    assert.ok((await search(page, 'scratch')) > 0, 'the search finds the scratch volume')
    await page.close()
  })

  it('shows the XSS-named resource as text and runs none of it', async () => {
    const page = await open(r, 'xss')
    await search(page, 'srv-web')
    const names = await page.locator('#findings-body .rname').allTextContents()
    assert.ok(names.includes(XSS_NAME), 'the name is displayed verbatim')
    await page.locator('#findings-body tr.finding button').first().click()
    await search(page, 'vol-x')
    const scripted = await page.locator('#findings-body .rname').allTextContents()
    assert.ok(scripted.includes(SCRIPT_NAME), 'a name with </script> is displayed verbatim')
    await page.click('#resources-details summary')
    await page.waitForSelector('#resources-body tr')
    const counts = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
    }))
    assert.deepEqual(counts, { img: 0, scripts: 2 })
    assert.deepEqual(dialogs, [], 'no alert or other dialog fired')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })

  it('pages through findings and filters by a duty button', async () => {
    const page = await open(r, 'pages', 10)
    assert.equal(await rows(page), 10)
    assert.match(
      (await page.textContent('#f-info'))!,
      new RegExp(`^Showing 1–10 of ${r.findings.length} matching`),
    )
    await page.click('#f-next')
    assert.match(
      (await page.textContent('#f-info'))!,
      new RegExp(`^Showing 11–20 of ${r.findings.length}`),
    )
    await page.click('button.show-duty[data-duty="data-protection"]')
    assert.equal(
      await rows(page),
      expected((f) => f.duty === 'data-protection'),
    )
    await page.close()
  })

  it('loads a 100,000-finding report and shows its first page', async (t) => {
    const big = manyFindingsResult(100_000, r)
    const file = join(dir, 'big.html')
    const page = await open(big, 'big')
    const mb = statSync(file).size / 1e6
    const { renderMs, loadMs } = timings.get('big')!
    t.diagnostic(
      `100,000 findings: ${mb.toFixed(1)} MB, rendered in ${renderMs} ms, loaded in ${loadMs} ms`,
    )
    assert.equal(await rows(page), 100)
    assert.match((await page.textContent('#f-info'))!, /of 100000 matching/)
    assert.ok(mb < 100, `${mb} MB`)
    await page.close()
  })
})
