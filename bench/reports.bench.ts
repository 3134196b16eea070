/**
 * `npm run bench:reports`: one real `sphere scan` of a generated world (default 10,000 servers)
 * served by the emulator in a child process, writing five reports into a directory in the same
 * run (`--format json,html,sarif,ocsf,csv --output-dir`), as a user runs it. Prints the scan's
 * wall time, its peak RSS (the kernel's high-water mark of the `sphere` process, read at its exit
 * by bench/_peak-rss.ts) against the 1 GiB target, each file's size, the SARIF's results and
 * whether they were grouped, and then the HTML report's timings in headless Chromium (first
 * findings, charts, each filter). Figures are printed, never asserted.
 *
 *   npm run bench:reports -- [--servers 10000] [--latency-ms 20] [--seed 1] [--keep DIR]
 *                            [--formats json,html,sarif,ocsf,csv] [--no-browser] [--json]
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeCloudsYaml } from '../src/emulator/index.ts'
import { CHROMIUM, type HtmlTimings, htmlTimings } from './_html-timings.ts'
import { serveInChild } from './_serve.ts'

/** The formats one run writes. */
export const BENCH_FORMATS = ['json', 'html', 'sarif', 'ocsf', 'csv'] as const

/** Options of {@link measureReports}. */
export interface ReportsOptions {
  servers: number
  latencyMs: number
  seed: number
  /** Keep the reports in this directory (default: a temporary one, removed). */
  keep?: string
  browser: boolean
  /** Formats to write (default {@link BENCH_FORMATS}); e.g. `csv` alone to compare. */
  formats?: readonly string[]
}

/** What {@link measureReports} measured. */
export interface ReportsMeasurement {
  options: ReportsOptions
  exitCode: number | null
  generateMs: number
  /** The `sphere scan` process: start to exit. */
  wallMs: number
  cpuMs: number
  peakRssBytes: number
  targetRssBytes: number
  files: { name: string; bytes: number }[]
  formats: readonly string[]
  /** From the JSON report's summary (null without json). */
  findings: number | null
  sarif: { results: number; grouped: boolean; note: string } | null
  html: HtmlTimings | null
  stderr: string
  loadAverage: number[]
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Runs the scan and measures it (and the HTML in Chromium unless `browser` is false). */
export async function measureReports(o: ReportsOptions): Promise<ReportsMeasurement> {
  const formats = o.formats ?? BENCH_FORMATS
  const dir = o.keep ?? mkdtempSync(join(tmpdir(), 'sphere-bench-reports-'))
  const out = join(dir, 'reports')
  mkdirSync(out, { recursive: true })
  const served = await serveInChild({
    servers: o.servers,
    seed: o.seed,
    latencyMs: o.latencyMs,
    now: Date.now(),
  })
  const clouds = join(dir, 'clouds.yaml')
  const rssFile = join(dir, 'rss.json')
  writeFileSync(
    clouds,
    writeCloudsYaml({ authUrl: served.authUrl, cloudName: 'bench', ...served.login }),
  )
  let run: ReturnType<typeof spawnSync>
  const t0 = performance.now()
  try {
    run = spawnSync(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        '--import',
        join(ROOT, 'bench/_peak-rss.ts'),
        join(ROOT, 'bin/sphere.js'),
        'scan',
        '--os-cloud',
        'bench',
        '--format',
        formats.join(','),
        '--output-dir',
        out,
        '--output-name',
        'bench',
        '--allow-incomplete',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, OS_CLIENT_CONFIG_FILE: clouds, SPHERE_BENCH_RSS_FILE: rssFile },
        maxBuffer: 64 * 1024 * 1024,
      },
    )
  } finally {
    await served.stop()
  }
  const wallMs = performance.now() - t0
  if (!existsSync(rssFile))
    throw new Error(`sphere scan exited ${run.status} without its figures: ${String(run.stderr)}`)
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number; cpuMs: number }
  const files = readdirSync(out)
    .sort()
    .map((name) => ({ name, bytes: statSync(join(out, name)).size }))
  const has = (f: string) => formats.includes(f)
  const findings = has('json')
    ? Object.values(
        (
          JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8')) as {
            summary: { findings: Record<string, number> }
          }
        ).summary.findings,
      ).reduce((a, b) => a + b, 0)
    : null
  const sarif = has('sarif') ? JSON.parse(readFileSync(join(out, 'bench.sarif'), 'utf8')) : null
  const stderr = String(run.stderr ?? '')
  const html = o.browser && has('html') ? await htmlTimings(join(out, 'bench.html')) : null
  if (!o.keep) rmSync(dir, { recursive: true, force: true })
  return {
    options: o,
    exitCode: run.status,
    generateMs: served.generateMs,
    wallMs,
    cpuMs: usage.cpuMs,
    peakRssBytes: usage.maxRssBytes,
    targetRssBytes: 1024 ** 3,
    files,
    formats,
    findings,
    sarif: sarif && {
      results: sarif.runs[0].results.length,
      grouped: sarif.runs[0].properties?.grouped === true,
      note: /SARIF[^\n]*group[^\n]*/i.exec(stderr)?.[0] ?? '',
    },
    html,
    stderr,
    loadAverage: loadavg(),
  }
}

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`
const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`

/** The measurement as text. */
export function formatReports(m: ReportsMeasurement): string {
  const o = m.options
  const lines = [
    `reports bench: ${o.servers.toLocaleString('en')} servers, ${o.latencyMs} ms latency, seed ${o.seed}; load: ${m.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
    `sphere scan --format ${m.formats.join(',')} --output-dir: exit ${m.exitCode}, wall ${ms(m.wallMs)} (world generation ${ms(m.generateMs)}, not included), CPU ${ms(m.cpuMs)}`,
    `findings: ${m.findings?.toLocaleString('en') ?? 'n/a (no json)'}`,
    `peak RSS: ${mib(m.peakRssBytes)} (maxRSS of the sphere process) against ${mib(m.targetRssBytes)}: ${m.peakRssBytes <= m.targetRssBytes ? 'met' : 'MISSED'}, ${Math.round((100 * m.peakRssBytes) / m.targetRssBytes)}% used`,
    'files:',
    ...m.files.map((f) => `  ${f.name.padEnd(20)} ${mib(f.bytes).padStart(12)}`),
  ]
  if (m.sarif)
    lines.push(
      `SARIF: ${m.sarif.results.toLocaleString('en')} results, ${m.sarif.grouped ? 'grouped' : 'one per finding'}${m.sarif.note ? ` (stderr: ${m.sarif.note.trim()})` : ''}`,
    )
  if (m.html) {
    const h = m.html
    lines.push(
      `HTML in Chromium (${CHROMIUM}): ${mib(h.bytes)}; first findings ${ms(h.firstFindingsMs)} (target < 3,000 ms), charts ${ms(h.chartsMs)}; JS heap ${h.jsHeapBytes ? mib(h.jsHeapBytes) : 'n/a'}`,
      ...h.interactions.map(
        (i) =>
          `  ${i.name.padEnd(42)} handler ${ms(i.handlerMs).padStart(9)}, next frame ${ms(i.frameMs).padStart(9)}  (${i.info})`,
      ),
      '  (target: a filter under 300 ms)',
    )
  }
  return lines.join('\n')
}

async function main() {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '10000' },
      'latency-ms': { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      formats: { type: 'string', default: BENCH_FORMATS.join(',') },
      json: { type: 'boolean', default: false },
    },
  })
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min)
      throw new RangeError(`--${name} must be an integer ≥ ${min}, got "${raw}"`)
    return n
  }
  const m = await measureReports({
    servers: int('servers', values.servers, 1),
    latencyMs: int('latency-ms', values['latency-ms'], 0),
    seed: int('seed', values.seed, 0),
    browser: !values['no-browser'],
    formats: values.formats.split(',').map((f) => f.trim()),
    ...(values.keep ? { keep: values.keep } : {}),
  })
  process.stdout.write(`${values.json ? JSON.stringify(m, null, 2) : formatReports(m)}\n`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
