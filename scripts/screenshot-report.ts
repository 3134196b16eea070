/**
 * Writes the README's pictures of the HTML report: scans the demo organisation (the emulator's
 * demo world, served on 127.0.0.1, through `sphere demo`), opens the HTML report in headless
 * Chromium and saves the charts and the organisation table as PNG files in docs/img/.
 *
 *   npx tsx scripts/screenshot-report.ts [--out docs/img]
 *
 * Needs Chromium (`/usr/bin/chromium`, or `SPHERE_CHROMIUM`).
 * @module
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS } from '../bench/_html-timings.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The report's sections pictured, and their file names. */
const SHOTS = [
  ['#charts', 'report-charts.png'],
  ['#organisation', 'report-organisation.png'],
] as const

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/img' } } })
  const out = resolve(ROOT, values.out)
  mkdirSync(out, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'sphere-shot-'))
  try {
    const html = join(dir, 'report.html')
    const demo = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/sphere.js'), 'demo', '--html', html],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    if (demo.status === null || demo.status > 3)
      throw new Error(`sphere demo failed (exit ${demo.status}): ${demo.stderr}`)
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({
        viewport: { width: 1200, height: 900 },
        deviceScaleFactor: 1,
      })
      await page.goto(pathToFileURL(html).href)
      await page.waitForSelector('html[data-charts="1"]', { timeout: 60_000 })
      for (const [selector, name] of SHOTS) {
        await page.locator(selector).screenshot({ path: join(out, name) })
        process.stdout.write(`wrote ${join(values.out, name)}\n`)
      }
    } finally {
      await browser.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
