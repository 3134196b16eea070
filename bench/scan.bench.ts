/**
 * `npm run bench`: scans generated worlds (default 1,000 and 10,000 servers) served by the
 * emulator on a loopback port with a fixed latency per request, through the real client,
 * collectors and engine exactly as `sphere scan` does, and prints wall time (collect and evaluate),
 * requests and pages per service, retries, peak RSS, evaluations per second, the critical-path
 * lower bound and the ratios to the targets of issue 4. Figures are printed, never asserted
 * (bench/bench.test.ts only checks that the report has every field).
 *
 *   npm run bench -- [--servers 1000,10000] [--latency-ms 20] [--concurrency 4] [--seed 1]
 *                    [--emulator process|split|inline[,…]] [--runs N] [--in-process] [--json]
 *                    [--overlap types|scopes|none]
 *   npm run bench -- --projects 50 [--regions 2] [--parallel 4] --servers 20000 …  (an organisation:
 *                    bench/organisation.bench.ts)
 *
 * As `sphere scan`, each scope is evaluated once it is read (`--overlap scopes`, the default);
 * `--overlap types` starts a scope's checks while its other types are still read
 * (src/engine/staged-scope.ts, not used by the CLI: it cost more CPU than it saved here),
 * `--overlap none` evaluates everything after collection.
 * Each size runs in a fresh node process (like one `sphere scan`), so its peak RSS and its
 * JIT warm-up are its own; `--in-process` runs every size in this process instead. Profile with
 * `node --cpu-prof --import tsx bench/scan.bench.ts --servers 10000` (one size runs in-process);
 * `SPHERE_BENCH_EMULATOR_NODE_ARGS="--cpu-prof"` profiles the emulator's process.
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { type BenchReport, formatText, linearity, summarise } from './_format.ts'
import { machine, measureScan, type Overlap, type ScanMeasurement } from './_measure.ts'
import type { EmulatorMode } from './_serve.ts'
import { formatOrganisation, measureOrganisation } from './organisation.bench.ts'

export { type BenchReport, formatText, linearity, REPORT_FIELDS, summarise } from './_format.ts'
export { type MeasureOptions, measureScan, type ScanMeasurement, TARGETS } from './_measure.ts'
export { type CriticalPath, criticalPath } from './critical-path.ts'

/** Parsed command line. */
export interface BenchArgs {
  servers: number[]
  latencyMs: number
  concurrency: number
  seed: number
  emulator: EmulatorMode
  /** Every emulator mode to measure, alternated (`--emulator process,split`); `emulator` is the first. */
  emulators: EmulatorMode[]
  /** How often each size (and mode) is measured, each time in a fresh process (`--runs N`). */
  runs: number
  /** Run every size in this process (default: a fresh process per size when there are several). */
  inProcess: boolean
  json: boolean
  /** How evaluation overlaps collection (`--overlap types|scopes|none`, default scopes, as the CLI). */
  overlap: Overlap
  /** An organisation of this many projects (1: the single-project bench). */
  projects: number
  regions: number
  parallel: number
}

/**
 * Parses argv (without node and the script).
 * @throws {RangeError} for a value out of range; `TypeError` (from `parseArgs`) for an unknown flag
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      servers: { type: 'string', default: '1000,10000' },
      'latency-ms': { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '4' },
      seed: { type: 'string', default: '1' },
      emulator: { type: 'string', default: 'process' },
      'in-process': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      overlap: { type: 'string', default: 'scopes' },
      projects: { type: 'string', default: '1' },
      regions: { type: 'string', default: '2' },
      parallel: { type: 'string', default: '4' },
      runs: { type: 'string', default: '1' },
    },
  })
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min)
      throw new RangeError(`--${name} must be an integer ≥ ${min}, got "${raw}"`)
    return n
  }
  if (!['types', 'scopes', 'none'].includes(values.overlap))
    throw new RangeError(`--overlap must be types, scopes or none, got "${values.overlap}"`)
  const emulators = [...new Set(values.emulator.split(',').map((e) => e.trim()))]
  for (const e of emulators)
    if (e !== 'process' && e !== 'split' && e !== 'inline')
      throw new RangeError(`--emulator must be process, split or inline (or a list), got "${e}"`)
  const projects = int('projects', values.projects, 1)
  const runs = int('runs', values.runs, 1)
  if (projects > 1 && (runs > 1 || emulators.length > 1))
    throw new RangeError(
      '--runs and a list of --emulator modes are for one project, not --projects',
    )
  return {
    servers: [...new Set(values.servers.split(',').map((s) => int('servers', s.trim(), 1)))].sort(
      (a, b) => a - b,
    ),
    latencyMs: int('latency-ms', values['latency-ms'], 0),
    concurrency: int('concurrency', values.concurrency, 1),
    seed: int('seed', values.seed, 0),
    emulator: emulators[0] as EmulatorMode,
    emulators: emulators as EmulatorMode[],
    runs,
    inProcess: values['in-process'],
    json: values.json,
    overlap: values.overlap as Overlap,
    projects,
    regions: int('regions', values.regions, 1),
    parallel: int('parallel', values.parallel, 1),
  }
}

/** One size in a fresh node process (this script with `--json --in-process`). */
function measureInFreshProcess(
  args: BenchArgs,
  servers: number,
  emulator: EmulatorMode,
): ScanMeasurement {
  const script = fileURLToPath(import.meta.url)
  const argv = [
    ...['--servers', String(servers), '--latency-ms', String(args.latencyMs)],
    ...['--concurrency', String(args.concurrency), '--seed', String(args.seed)],
    ...['--emulator', emulator, '--in-process', '--json'],
    ...['--overlap', args.overlap],
  ]
  const res = spawnSync(process.execPath, ['--import', 'tsx', script, ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 ** 2,
  })
  if (res.status !== 0) throw new Error(`the bench process for ${servers} servers failed`)
  const run = (JSON.parse(res.stdout) as BenchReport).runs[0]
  if (!run) throw new Error(`the bench process for ${servers} servers reported nothing`)
  return run
}

/**
 * Runs every size, smallest first, and builds the report. With `runs` > 1 or several emulator
 * modes, each measurement is a fresh process and they alternate (round 1: every size and mode,
 * then round 2, …), so that a slow minute of a shared machine falls on every variant alike.
 */
export async function runBench(
  args: Omit<BenchArgs, 'json'>,
  log: (line: string) => void = () => {},
): Promise<BenchReport> {
  const modes = args.emulators
  const many = args.runs > 1 || modes.length > 1
  const fresh = !args.inProcess && (args.servers.length > 1 || many)
  const runs: ScanMeasurement[] = []
  for (let round = 1; round <= args.runs; round++)
    for (const servers of args.servers)
      for (const emulator of modes) {
        const which = `${servers} servers${modes.length > 1 ? `, emulator ${emulator}` : ''}`
        log(
          `bench: ${which}${args.runs > 1 ? `, run ${round} of ${args.runs}` : ''}${fresh ? ' (fresh process)' : ''} …`,
        )
        runs.push(
          fresh
            ? measureInFreshProcess({ ...args, json: true }, servers, emulator)
            : await measureScan({
                servers,
                latencyMs: args.latencyMs,
                concurrency: args.concurrency,
                seed: args.seed,
                emulator,
                overlap: args.overlap,
              }),
        )
      }
  return { machine: machine(), runs, linearity: linearity(runs), summary: summarise(runs) }
}

/** A wrong option: one line and exit code 2, as `sphere` answers one. */
class UsageError extends Error {}

async function main(): Promise<void> {
  let args: BenchArgs
  try {
    args = parseBenchArgs(process.argv.slice(2))
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
  if (args.projects > 1) {
    for (const servers of args.servers) {
      const m = await measureOrganisation({ ...args, servers })
      process.stdout.write(args.json ? `${JSON.stringify(m, null, 2)}\n` : formatOrganisation(m))
    }
    return
  }
  const report = await runBench(args, (l) => process.stderr.write(`${l}\n`))
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatText(report))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`bench: ${err.message} (options: see the top of bench/scan.bench.ts)\n`)
      process.exitCode = 2
      return
    }
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : err}\n`)
    process.exitCode = 1
  })
}
