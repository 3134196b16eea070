/**
 * `npm run bench:store`: the history store at the size of a 10,000-server organisation. One real
 * `sphere scan` of a generated world (served by the emulator in a child process) saves its
 * inventory; this process evaluates it (227k findings) and stores the result `--scans` times into
 * a fresh SQLite file and a fresh PostgreSQL database (scripts/postgres.sh), timing each write
 * (wall and this process's CPU), then times the dashboard's queries over everything stored (about
 * 1.1M findings at 5 scans). Prints figures with the load average; asserts nothing.
 *
 *   npm run bench:store -- [--servers 10000] [--scans 5] [--inventory FILE] [--keep DIR] [--no-pg]
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checks } from '../src/checks/index.ts'
import { writeCloudsYaml } from '../src/emulator/index.ts'
import { evaluateInventory } from '../src/engine/run-scan.ts'
import { loadScanConfig } from '../src/engine/scan-config.ts'
import type { ScanResult } from '../src/engine/types.ts'
import { readSavedInventory } from '../src/inventory/saved.ts'
import { loadResponsibilityModel } from '../src/responsibility/load.ts'
import { diffStored } from '../src/store/diff-stored.ts'
import { findingsPage, overview, resourceFindings, trends } from '../src/store/queries.ts'
import { Store } from '../src/store/store.ts'
import { freshLocation, testPgUrl } from '../src/store/testing.ts'
import { serveInChild } from './_serve.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Scans a generated world once and saves its inventory; returns the file. */
async function collect(servers: number, dir: string): Promise<{ file: string; wallMs: number }> {
  const served = await serveInChild({ servers, seed: 1, latencyMs: 0, now: Date.now() })
  const clouds = join(dir, 'clouds.yaml')
  writeFileSync(
    clouds,
    writeCloudsYaml({ authUrl: served.authUrl, cloudName: 'bench', ...served.login }),
  )
  const file = join(dir, 'inventory.json')
  const t0 = performance.now()
  try {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/sphere.js'),
        'scan',
        '--os-cloud',
        'bench',
        '--save-inventory',
        file,
        '--format',
        'csv',
        '-o',
        join(dir, 'out.csv'),
        '--quiet',
      ],
      {
        env: { ...process.env, OS_CLIENT_CONFIG_FILE: clouds },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    if (run.status !== 0 && run.status !== 1 && run.status !== 3)
      throw new Error(`scan failed (${run.status}): ${run.stderr}`)
  } finally {
    await served.stop()
  }
  return { file, wallMs: performance.now() - t0 }
}

function evaluate(file: string): ScanResult {
  const { settings } = loadScanConfig()
  const now = new Date()
  return evaluateInventory(readSavedInventory(file), {
    checks,
    model: loadResponsibilityModel(),
    settings,
    tool: { name: 'sphere', version: 'bench' },
    startedAt: now,
    now,
  })
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = await fn()
  const c = process.cpuUsage(c0)
  return { value, wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }
}

/** Stores the result `scans` times (a minute apart) and times the dashboard's queries. */
export async function measure(
  kind: 'sqlite' | 'postgres',
  r: ScanResult,
  scans: number,
): Promise<string[]> {
  const loc = await freshLocation(kind)
  const out: string[] = [`${kind}:`]
  const store = await Store.open(loc.spec)
  try {
    for (let i = 0; i < scans; i++) {
      const startedAt = new Date(Date.parse(r.scan.startedAt) + i * 60_000).toISOString()
      const l = load()
      const t = await timed(() => store.save({ ...r, scan: { ...r.scan, startedAt } }))
      out.push(
        `  store scan ${i + 1} (${r.findings.length.toLocaleString('en')} findings): wall ${ms(t.wallMs)}, CPU of this process ${ms(t.cpuMs)}; load ${l}`,
      )
    }
    if (kind === 'sqlite')
      out.push(`  file: ${(statSync(loc.spec).size / 1024 / 1024).toFixed(1)} MiB`)
    const [total] = await store.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM findings')
    out.push(
      `  dashboard queries over ${Number(total!.n).toLocaleString('en')} stored findings (newest scan), load ${load()}:`,
    )
    const all = await store.scans()
    const last = all[all.length - 1]!
    const prev = all[all.length - 2] ?? last
    const some = r.findings.find((f) => f.status === 'fail')!
    const queries: [string, () => Promise<unknown>][] = [
      ['overview (scopes × duties, fails by severity)', () => overview(store.db)],
      ['trends (organisation)', async () => trends(store.db, await store.scans())],
      ['findings page 1, sorted by severity', () => findingsPage(store.db, { scanId: last.id })],
      [
        'findings page 2000, sorted by severity',
        () => findingsPage(store.db, { scanId: last.id, page: 2000 }),
      ],
      [
        'findings status=fail severity=high',
        () => findingsPage(store.db, { scanId: last.id, status: 'fail', severity: 'high' }),
      ],
      [
        'findings duty=network-access, by resource',
        () => findingsPage(store.db, { scanId: last.id, duty: 'network-access', sort: 'resource' }),
      ],
      [
        'findings text search',
        () => findingsPage(store.db, { scanId: last.id, text: some.resource.name }),
      ],
      [
        'resource page (findings + history)',
        () => resourceFindings(store.db, last.id, some.resource.type, some.resource.id),
      ],
      [
        'diff of the last two scans (dashboard)',
        () => diffStored(store.db, prev, last, { stillFailing: false }),
      ],
      [
        'diff, still failing read whole (CLI)',
        () => diffStored(store.db, prev, last, { stillFailing: true }),
      ],
    ]
    for (const [name, q] of queries) {
      const t = await timed(q)
      out.push(`    ${name.padEnd(48)} ${ms(t.wallMs).padStart(10)}`)
    }
  } finally {
    await store.close()
    await loc.drop()
  }
  return out
}

async function main() {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '10000' },
      scans: { type: 'string', default: '5' },
      inventory: { type: 'string' },
      keep: { type: 'string' },
      'no-pg': { type: 'boolean', default: false },
    },
  })
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'sphere-bench-store-'))
  try {
    let file = values.inventory
    if (!file) {
      const c = await collect(Number(values.servers), dir)
      file = c.file
      console.log(
        `collected ${values.servers} servers: ${ms(c.wallMs)} (sphere scan --save-inventory)`,
      )
    }
    const r = evaluate(file)
    console.log(
      `store bench: ${r.findings.length.toLocaleString('en')} findings in ${r.scopes.length} scopes, ${values.scans} scans per engine; load ${load()}`,
    )
    for (const line of await measure('sqlite', r, Number(values.scans))) console.log(line)
    if (values['no-pg']) return
    if (!testPgUrl()) console.log('postgres: skipped (run scripts/postgres.sh)')
    else for (const line of await measure('postgres', r, Number(values.scans))) console.log(line)
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
