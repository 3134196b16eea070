/**
 * The audit pack in a real browser (headless Chromium through playwright-core), opened from a
 * file:// URL and printed to PDF as an auditor would. Without /usr/bin/chromium (or
 * `SPHERE_CHROMIUM`) skipped, except in CI (`CI` set), where that is a failure.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium } from 'playwright-core'
import { evaluateCompliance } from '../compliance/evaluate.ts'
import { loadCompliance } from '../compliance/load.ts'
import { SCRIPT_NAME, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { renderComplianceHtml } from './compliance-html.ts'
import { renderHtml } from './html.ts'

const CHROMIUM = process.env.SPHERE_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
]
const present = existsSync(CHROMIUM)
const skip = !present && !process.env.CI ? `Chromium not installed at ${CHROMIUM}` : false

describe('compliance audit pack in Chromium', { skip }, () => {
  let browser: Browser
  const dir = mkdtempSync(join(tmpdir(), 'sphere-audit-'))
  const r = scanResultFixture({ hostile: true })
  const data = loadCompliance()
  const source = { subject: `fixture ${XSS_NAME}`, evaluatedAt: r.scan.evaluatedAt }
  const views = data.frameworks.map((f) =>
    evaluateCompliance(f, 'iaas', r, data.attestations, source),
  )

  before(async () => {
    assert.ok(
      present,
      `the audit pack test needs Chromium at ${CHROMIUM}; CI is set, so this is a failure`,
    )
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 })
  })
  after(async () => {
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Opens `html` from a file; returns the page and what went wrong on it. */
  async function open(html: string, name: string) {
    const file = join(dir, `${name}.html`)
    writeFileSync(file, html)
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text()))
        errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) errors.push(`network request to ${req.url()}`)
    })
    await page.goto(pathToFileURL(file).href)
    return { page, errors }
  }

  for (const v of views)
    it(`${v.framework.id}: renders every domain, prints to a multi-page PDF, no console error`, async () => {
      const { page, errors } = await open(
        renderComplianceHtml(v, { generatedBy: 'test' }),
        v.framework.id,
      )
      assert.equal(await page.locator('section.domain').count(), v.domains.length)
      assert.equal(await page.locator('section.domain tbody tr').count(), v.criteria.length)
      // Hostile resource names stay text: no element, no dialog, the name readable as written.
      assert.equal(await page.locator('img').count(), 0)
      assert.equal(await page.locator('script').count(), 0)
      const appendix = (await page.locator('#appendix').textContent()) ?? ''
      if (v.criteria.some((c) => c.failing.some((f) => f.resource.name === XSS_NAME)))
        assert.ok(appendix.includes(XSS_NAME), 'the hostile name is shown as text')
      assert.ok(((await page.locator('h1').textContent()) ?? '').includes('audit pack'))
      // Print CSS: every domain starts a page.
      const breakBefore = await page.evaluate(() => {
        const s = document.querySelector('section.domain')
        return s ? getComputedStyle(s).breakBefore : ''
      })
      assert.equal(breakBefore, 'auto', 'on screen no page break')
      await page.emulateMedia({ media: 'print' })
      assert.equal(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('section.domain')!).breakBefore,
        ),
        'page',
      )
      const pdf = await page.pdf({ format: 'A4' })
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
      assert.ok(pages > v.domains.length, `${pages} pages for ${v.domains.length} domains`)
      assert.deepEqual(errors, [])
      await page.close()
    })

  it('the scan HTML report carries the compliance section, escaped, without CSP errors', async () => {
    const { page, errors } = await open(renderHtml(r, { compliance: views }), 'scan')
    await page.waitForSelector('html[data-ready="1"]', { timeout: 60_000 })
    assert.equal(await page.locator('#compliance h3').count(), 2)
    assert.ok(((await page.locator('#compliance').textContent()) ?? '').includes('COS-04'))
    assert.ok(!(await page.content()).includes(SCRIPT_NAME), 'the script name is never raw HTML')
    assert.deepEqual(errors, [])
    await page.close()
  })
})
