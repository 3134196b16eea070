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
import { SEVERITIES } from '../checks/define.ts'
import {
  FORMULA_NAME,
  manyFindingsResult,
  SCRIPT_NAME,
  scanResultFixture,
  XSS_NAME,
} from '../engine/testing.ts'
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

  async function open(
    result: ScanResult,
    name: string,
    pageSize?: number,
    hash = '',
  ): Promise<Page> {
    const file = join(dir, `${name}.html`)
    const t0 = Date.now()
    writeFileSync(file, renderHtml(result, pageSize ? { pageSize } : {}))
    const t1 = Date.now()
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // A CSP violation (a blocked script, style or request) is reported on the console.
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) pageErrors.push(m.text())
    })
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
    await page.goto(pathToFileURL(file).href + hash)
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
    assert.deepEqual(counts, { img: 0, scripts: 3 })
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

  it("opens a finding's details: the check, how to fix it and its evidence, indented", async () => {
    const f = r.findings.find((x) => x.evidence && x.status === 'fail')!
    const page = await open(r, 'details')
    await search(page, f.resource.id)
    const row = page.locator('#findings-body tr.finding').filter({ hasText: f.message }).first()
    await row.locator('button').click()
    const evidence = await page
      .locator('#findings-body tr.details pre.evidence')
      .first()
      .textContent()
    assert.equal(evidence, JSON.stringify(f.evidence, null, 1))
    assert.match(
      (await page.locator('#findings-body tr.details').first().textContent())!,
      /How to fix/,
    )
    assert.deepEqual(pageErrors, [])
    await page.close()
  })

  /** Canvas ink and Chart.js instance per chart. */
  const chartState = (page: Page) =>
    page.evaluate(() => {
      const C = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart
      return ['chart-duties', 'chart-severity', 'chart-service', 'chart-scope'].map((id) => {
        const c = document.getElementById(id) as HTMLCanvasElement
        const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        let ink = 0
        for (let i = 3; i < px.length; i += 4) if (px[i]) ink++
        return { id, chart: Boolean(C.getChart(c)), ink }
      })
    })

  /** Clicks the `index`-th bar of a bar chart where it is drawn. */
  async function clickBar(page: Page, id: string, index: number) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded()
    const at = await page.evaluate(
      ([id, index]) => {
        type Bar = { x: number; y: number; base: number }
        const C = (
          window as unknown as {
            Chart: {
              getChart(c: HTMLElement): { getDatasetMeta(i: number): { data: Bar[] } }
            }
          }
        ).Chart
        const canvas = document.getElementById(id as string)!
        const bar = C.getChart(canvas).getDatasetMeta(0).data[index as number]!
        const box = canvas.getBoundingClientRect()
        return { x: box.left + bar.x, y: box.top + (bar.y + bar.base) / 2 }
      },
      [id, index],
    )
    await page.mouse.click(at.x, at.y)
  }

  const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash))

  it('draws the four charts with the bundled Chart.js under the CSP; a bar lists its findings', async () => {
    const page = await open(r, 'charts')
    await page.waitForSelector('html[data-charts="1"]')
    for (const c of await chartState(page)) {
      assert.ok(c.chart, `${c.id}: a Chart.js chart`)
      assert.ok(c.ink > 500, `${c.id}: drawn (${c.ink} pixels)`)
    }
    await clickBar(page, 'chart-severity', 1)
    const high = expected((f) => f.severity === 'high' && f.status === 'fail')
    await page.waitForFunction(
      (n) => document.querySelectorAll('#findings-body tr.finding').length === n,
      high,
    )
    assert.equal(await page.inputValue('#f-severity'), 'high')
    assert.equal(await page.inputValue('#f-status'), 'fail')
    assert.match(await hashOf(page), /severity=high/)
    await clickBar(page, 'chart-scope', 1)
    await page.waitForFunction(
      (n) => document.querySelectorAll('#findings-body tr.finding').length === n,
      expected((f) => f.scope.kind === 'account' && f.status === 'fail'),
    )
    assert.deepEqual(pageErrors, [])
    await page.close()
  })

  it('groups the failing findings by check, with the resources of each', async () => {
    const page = await open(r, 'by-check', undefined, '#view=check&status=fail')
    const failing = r.findings.filter((f) => f.status === 'fail')
    const checks = [...new Set(failing.map((f) => f.checkId))]
    assert.equal(await page.locator('#checks-body tr.check-group').count(), checks.length)
    assert.equal(await page.locator('#findings-table').isVisible(), false)
    const mfa = page.locator('#checks-body tr.check-group', { hasText: 'iam-user-mfa-enabled' })
    assert.equal(await mfa.locator('td.count').textContent(), '2')
    await mfa.locator('button').click()
    const names = await page.locator('tr.resource-of-check .rname').allTextContents()
    assert.deepEqual(names.sort(), [FORMULA_NAME, 'svc-deploy'].sort())
    const first = await page.locator('#checks-body tr.check-group td').first().textContent()
    assert.equal(first, 'critical', 'the most severe check first')
    await page.click('#view-list')
    assert.equal(await rows(page), failing.length)
    assert.doesNotMatch(await hashOf(page), /view=/)
    await page.close()
  })

  it('sorts the findings by any column, both ways', async () => {
    // Plain names: the hostile ones are shown with U+FFFD for their control characters.
    const page = await open(scanResultFixture(), 'sort')
    const severities = () =>
      page
        .locator('#findings-body tr.finding')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-severity')!))
    const rank = (list: string[]) => list.map((s) => SEVERITIES.indexOf(s as never))
    await page.click('#findings-table button.sort[data-key="severity"]')
    const up = rank(await severities())
    assert.deepEqual(
      up,
      [...up].sort((a, b) => a - b),
    )
    assert.equal(
      await page.getAttribute('#findings-table th:nth-child(2)', 'aria-sort'),
      'ascending',
    )
    await page.click('#findings-table button.sort[data-key="severity"]')
    const down = rank(await severities())
    assert.deepEqual(
      down,
      [...down].sort((a, b) => b - a),
    )
    assert.match(await hashOf(page), /sort=severity&dir=desc/)
    await page.click('#findings-table button.sort[data-key="resource"]')
    const names = (await page.locator('#findings-body .rname').allTextContents()).map((n) =>
      n.toLowerCase(),
    )
    assert.deepEqual(
      names,
      [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    )
    await page.close()
  })

  it('keeps the view and its filters in the URL, so that a link opens the same view', async () => {
    const page = await open(r, 'share')
    await page.selectOption('#f-status', 'fail')
    await page.selectOption('#f-service', 'iam')
    await page.fill('#f-q', 'svc')
    await page.waitForFunction(() => location.hash.includes('q=svc'))
    const hash = await page.evaluate(() => location.hash)
    assert.equal(decodeURIComponent(hash), '#status=fail&service=iam&q=svc')
    const n = await rows(page)
    assert.equal(
      n,
      expected(
        (f) => f.status === 'fail' && f.service === 'iam' && f.resource.name.includes('svc'),
      ),
    )
    const shared = await open(r, 'share', undefined, hash)
    assert.equal(await shared.inputValue('#f-status'), 'fail')
    assert.equal(await shared.inputValue('#f-service'), 'iam')
    assert.equal(await shared.inputValue('#f-q'), 'svc')
    assert.equal(await rows(shared), n)
    await shared.close()
    const junk = await open(
      r,
      'junk',
      undefined,
      '#status=nonsense&q=%E0%A4&page=-3&view=x&severity=critical',
    )
    assert.equal(
      await rows(junk),
      expected((f) => f.severity === 'critical'),
      'malformed or unknown parts are dropped, the rest applies',
    )
    assert.equal(await junk.inputValue('#f-status'), '')
    await junk.close()
    await page.close()
  })

  it('has breakdown tables per scope and service that sort and filter the findings', async () => {
    const page = await open(r, 'breakdown')
    const fails = () =>
      page
        .locator('#by-service tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => Number((tr as HTMLTableRowElement).cells[2]!.getAttribute('data-v'))),
        )
    await page.click('#by-service th:nth-child(3) button')
    const up = await fails()
    assert.deepEqual(
      up,
      [...up].sort((a, b) => a - b),
    )
    await page.click('#by-service th:nth-child(3) button')
    const down = await fails()
    assert.deepEqual(
      down,
      [...down].sort((a, b) => b - a),
    )
    await page.click('#by-service button.show-service[data-service="iam"]')
    assert.equal(
      await rows(page),
      expected((f) => f.service === 'iam'),
    )
    await page.click('#by-scope button.show-scope >> nth=1')
    assert.equal(await page.inputValue('#f-scope'), 'otc-prod/global/d-f61828ffa684')
    assert.equal(
      await rows(page),
      expected((f) => f.scope.kind === 'account' && f.service === 'iam'),
    )
    assert.equal(await page.locator('#scope-duties tbody tr').count(), r.scopes.length)
    assert.deepEqual(pageErrors, [])
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
