/**
 * Writes the README's pictures of `sphere serve`: scans the demo organisation (the emulator's
 * demo world on 127.0.0.1, every project and region) three times into a fresh SQLite store with a
 * change to the world before each later scan (a port opened, then another closed), serves the
 * dashboard and saves its pages as PNG files in docs/img/.
 *
 *   npx tsx scripts/screenshot-dashboard.ts [--out docs/img]
 *
 * Needs Chromium (`/usr/bin/chromium`, or `SPHERE_CHROMIUM`).
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS } from '../bench/_html-timings.ts'
import { captureIO } from '../src/cli/_capture.ts'
import { runCli } from '../src/cli/main.ts'
import { applyChange, loginFor, startEmulator, writeCloudsYaml } from '../src/emulator/index.ts'
import { startDashboard } from '../src/server/serve.ts'
import { Store } from '../src/store/store.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Pages pictured: path, element, file name. */
const SHOTS = [
  ['/', 'main', 'dashboard-overview.png'],
  ['/trends', 'main', 'dashboard-trends.png'],
  ['/findings?status=fail', 'main', 'dashboard-findings.png'],
  ['/diff', 'main', 'dashboard-diff.png'],
] as const

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/img' } } })
  const out = resolve(ROOT, values.out)
  mkdirSync(out, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'sphere-shot-dash-'))
  const emu = await startEmulator({ world: 'demo', port: 0 })
  try {
    const clouds = join(dir, 'clouds.yaml')
    writeFileSync(
      clouds,
      writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
    )
    const db = join(dir, 'sphere.db')
    const scan = async () => {
      const c = captureIO({ env: { OS_CLIENT_CONFIG_FILE: clouds }, cwd: dir })
      const code = await runCli(
        [
          'scan',
          '--os-cloud',
          'demo',
          '--all-projects',
          '--regions',
          'all',
          '--store',
          '--db',
          db,
          '--format',
          'json',
          '-o',
          join(dir, 'r.json'),
        ],
        c.io,
      )
      if (code > 3) throw new Error(`scan failed (${code}): ${c.err()}`)
    }
    await scan()
    applyChange(emu.emulator.world, 'open-port=sg-app:3389')
    await scan()
    applyChange(emu.emulator.world, 'close-port=sg-windows-rdp:3389')
    await scan()
    const store = await Store.open(db)
    const dash = await startDashboard({ store, port: 0 })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 900 },
        deviceScaleFactor: 1,
      })
      for (const [path, selector, name] of SHOTS) {
        await page.goto(`${dash.url}${path}`)
        if (path === '/trends') await page.waitForSelector('body[data-charts-ready="1"]')
        await page.locator(selector).screenshot({ path: join(out, name) })
        process.stdout.write(`wrote ${join(values.out, name)}\n`)
      }
    } finally {
      await browser.close()
      await dash.close()
      await store.close()
    }
  } finally {
    await emu.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
