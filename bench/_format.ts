/**
 * The benchmark's report: the whole run as data ({@link BenchReport}, printed by `--json`) and
 * as text.
 * @module
 */

import type { GapSummary, LoopGaps } from './_loop-gaps.ts'
import { CHECK_REPEATS, type Machine, type ScanMeasurement } from './_measure.ts'
import type { EndpointSplit, RequestSplit } from './_request-split.ts'

/** How evaluation cost per resource grows from the smallest size to the largest. */
export interface Linearity {
  /** Servers → evaluate µs per resource (the scan's own, cold evaluation). */
  usPerResource: Record<string, number>
  /** Servers → warm-pass µs per resource. */
  warmUsPerResource: Record<string, number>
  /** Largest ÷ smallest (1.00 = linear); null with one size. */
  ratio: number | null
  warmRatio: number | null
  /** Per check: warm µs per resource at the smallest and largest size, and their ratio. */
  checks: { id: string; smallUs: number; largeUs: number; largeMs: number; ratio: number | null }[]
}

/** A whole run: the machine and every size. */
export interface BenchReport {
  machine: Machine
  runs: ScanMeasurement[]
  linearity: Linearity
  /** Per size and emulator mode over its runs (`--runs N`): medians and ranges. */
  summary?: SummaryRow[]
}

/** A median with the smallest and largest value. */
export interface Spread {
  median: number
  min: number
  max: number
}

/** The runs of one size and emulator mode. */
export interface SummaryRow {
  servers: number
  emulator: ScanMeasurement['emulator']
  runs: number
  totalMs: Spread
  /** Null where no run had the figure (no latency: no bound, no floor). */
  totalOverBound: Spread | null
  wallOverFloor: Spread | null
  floorMs: Spread | null
  scannerCpuMs: Spread
  loadBefore: Spread
  /**
   * The issue's wall ÷ bound target for the size, judged on the median, and how many single runs
   * met it; null without a bound (no latency).
   */
  target: { ratio: number; metByMedian: boolean; runsMet: number } | null
}

function spread(values: readonly (number | null | undefined)[]): Spread | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x))
  if (v.length === 0) return null
  v.sort((a, b) => a - b)
  const mid = v.length >> 1
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2
  return { median, min: v[0]!, max: v.at(-1)! }
}

/** Medians and ranges per size and emulator mode (sizes ascending, modes as first run). */
export function summarise(runs: readonly ScanMeasurement[]): SummaryRow[] {
  const groups = new Map<string, ScanMeasurement[]>()
  for (const r of runs) {
    const key = `${r.servers}\u0000${r.emulator}`
    const g = groups.get(key)
    if (g) g.push(r)
    else groups.set(key, [r])
  }
  return [...groups.values()]
    .sort((a, b) => a[0]!.servers - b[0]!.servers)
    .map((g) => {
      const totalOverBound = spread(g.map((r) => r.ratio.totalOverBound))
      return {
        servers: g[0]!.servers,
        emulator: g[0]!.emulator,
        runs: g.length,
        totalMs: spread(g.map((r) => r.wall.totalMs))!,
        totalOverBound,
        wallOverFloor: spread(g.map((r) => r.floor?.totalOverFloor)),
        floorMs: spread(g.map((r) => r.floor?.requestMs)),
        scannerCpuMs: spread(g.map((r) => r.cpu.collectMs + r.cpu.evaluateMs))!,
        loadBefore: spread(g.map((r) => r.load.before))!,
        target: targetOf(g, totalOverBound),
      }
    })
}

/** The wall ÷ bound target of runs of one size, judged on their median ratio. */
function targetOf(g: readonly ScanMeasurement[], ratios: Spread | null): SummaryRow['target'] {
  const ratio = g[0]!.ratio.target
  if (ratios === null || g.some((r) => r.ratio.met === null)) return null
  return {
    ratio,
    metByMedian: ratios.median <= ratio,
    runsMet: g.filter((r) => r.ratio.met === true).length,
  }
}

const ratioOf = (small: number, large: number) => (small > 0 ? large / small : null)

/** Linearity of the runs (sizes ascending). */
export function linearity(runs: readonly ScanMeasurement[]): Linearity {
  const sorted = [...runs].sort((a, b) => a.servers - b.servers)
  const small = sorted[0]
  const large = sorted.at(-1)
  const two = small !== undefined && large !== undefined && small !== large
  const checkUs = (r: ScanMeasurement | undefined, id: string) =>
    r?.evaluation.warm.checks.find((c) => c.id === id)?.usPerResource ?? 0
  return {
    usPerResource: Object.fromEntries(
      sorted.map((r) => [String(r.servers), r.evaluation.usPerResource]),
    ),
    warmUsPerResource: Object.fromEntries(
      sorted.map((r) => [String(r.servers), r.evaluation.warm.usPerResource]),
    ),
    ratio: two ? ratioOf(small.evaluation.usPerResource, large.evaluation.usPerResource) : null,
    warmRatio: two
      ? ratioOf(small.evaluation.warm.usPerResource, large.evaluation.warm.usPerResource)
      : null,
    checks: (large?.evaluation.warm.checks ?? []).map((c) => {
      const smallUs = checkUs(small, c.id)
      const largeUs = checkUs(large, c.id)
      return {
        id: c.id,
        smallUs,
        largeUs,
        largeMs: c.ms,
        ratio: two ? ratioOf(smallUs, largeUs) : null,
      }
    }),
  }
}

const n0 = (n: number) => Math.round(n).toLocaleString('en-US')
const n1 = (n: number) => n.toFixed(1)
const n2 = (n: number | null) => (n !== null && Number.isFinite(n) ? n.toFixed(2) : 'n/a')
const mib = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MiB`
const kib = (b: number) => (b >= 1024 ** 2 ? mib(b) : `${(b / 1024).toFixed(0)} KiB`)
const pad = (s: string, w: number) => s.padEnd(w)
const lpad = (s: string, w: number) => s.padStart(w)
const verdict = (met: boolean | null, na: string) => (met === null ? na : met ? 'met' : 'MISSED')

/** The labels every text report carries (bench.test.ts checks them so the report cannot rot). */
export const REPORT_FIELDS = [
  'machine:',
  'load:',
  'world:',
  'wall:',
  'scanner cpu:',
  'event loop:',
  'inventory:',
  'requests per service:',
  'retries:',
  'requests per operation:',
  'endpoints:',
  'critical path:',
  'bound:',
  'wall/bound:',
  'floor:',
  'chain split:',
  'peak RSS:',
  'evaluation:',
  'evaluations/s:',
  'warm evaluation:',
  'costliest checks:',
  'linearity:',
  'summary:',
] as const

/** Where each emulator mode serves the world, as the run's header says it. */
const WHERE: Readonly<Record<ScanMeasurement['emulator'], string>> = {
  process: 'in a child process',
  split: 'in two child processes: Keystone, IAM and OBS; the other services',
  inline: 'in this process',
}

function formatRun(r: ScanMeasurement): string {
  const out: string[] = []
  const line = (s: string) => out.push(s)
  const where = WHERE[r.emulator]
  line(
    `== ${n0(r.servers)} servers (seed ${r.seed}, ${r.latencyMs} ms latency, concurrency ${r.concurrency} per endpoint, emulator ${where})`,
  )
  line(
    `load:         1-min load average ${r.load.before.toFixed(2)} before, ${r.load.after.toFixed(2)} after (other processes on the machine skew every figure)`,
  )
  const w = r.world
  const emu =
    w.emulatorPeakRssBytes === null
      ? ''
      : `; emulator process${r.emulator === 'split' ? 'es (sum of both)' : ''}: peak RSS ${mib(w.emulatorPeakRssBytes)}, serving CPU ${n0(w.emulatorCpuMs ?? 0)} ms, of which system ${n0(w.emulatorSystemMs ?? 0)} ms (${n0(w.emulatorPageFaults ?? 0)} page faults)`
  line(`world:        generated in ${n0(w.generateMs)} ms (not in the wall time)${emu}`)
  const during = {
    types: ', checks running as their types arrive',
    scopes: ', each scope evaluated once read',
    none: '',
  }[r.overlap]
  line(
    `wall:         collect ${n0(r.wall.collectMs)} ms (until the last scope is read${during}) · evaluate after it ${n0(r.wall.evaluateMs)} ms · total ${n0(r.wall.totalMs)} ms (--overlap ${r.overlap})`,
  )
  line(
    `scanner cpu:  collect ${n0(r.cpu.collectMs)} ms (${n0((100 * r.cpu.collectMs) / r.wall.collectMs)}% of its wall) · evaluate after it ${n0(r.cpu.evaluateMs)} ms · total ${n0(r.cpu.collectMs + r.cpu.evaluateMs)} ms, of which system ${n0(r.cpu.systemMs)} ms (${n0(r.cpu.pageFaults)} page faults)`,
  )
  line(
    `event loop:   max delay ${n0(r.eventLoop.maxDelayMs)} ms, p99 ${n0(r.eventLoop.p99DelayMs)} ms (during collect + evaluate)`,
  )
  const types = Object.entries(r.inventory.byType)
    .map(([t, c]) => `${t} ${n0(c)}`)
    .join(', ')
  line(
    `inventory:    ${n0(r.inventory.resources)} resources, ${r.inventory.issues} issues (${types})`,
  )
  line('requests per service:')
  line(
    `  ${pad('service', 10)}${lpad('requests', 10)}${lpad('pages', 8)}${lpad('retries', 9)}${lpad('throttled', 11)}${lpad('errors', 8)}`,
  )
  const rows = Object.entries(r.services).sort(([a], [b]) => a.localeCompare(b))
  for (const [svc, s] of [...rows, ['total', r.totals] as const])
    line(
      `  ${pad(svc, 10)}${lpad(n0(s.requests), 10)}${lpad(n0(s.pages), 8)}${lpad(n0(s.retries), 9)}${lpad(n0(s.throttled), 11)}${lpad(n0(s.errors), 8)}`,
    )
  line(
    `retries:      ${r.totals.retries} (throttled ${r.totals.throttled}, failed calls ${r.totals.errors}); the emulator counted ${r.emulatorRequests === null ? 'n/a' : n0(r.emulatorRequests)} requests`,
  )
  line('requests per operation:')
  for (const [op, c] of Object.entries(r.operations).sort(([a], [b]) => a.localeCompare(b)))
    line(
      `  ${pad(op, 28)}${lpad(n0(c.requests), 6)} req${lpad(n0(c.pages), 6)} pages${lpad(kib(c.bytes), 9)}`,
    )
  line('endpoints:    (one limiter each; mean in flight = busy time ÷ span)')
  for (const [ep, u] of Object.entries(r.endpoints))
    line(
      `  ${pad(ep, 10)}${lpad(n0(u.requests), 6)} req  ${lpad(n0(u.firstStartMs), 6)}–${lpad(n0(u.lastEndMs), 6)} ms  in flight ${n2(u.meanInFlight)}  mean request ${n1(u.meanRequestMs)} ms`,
    )
  const cp = r.criticalPath
  const c = cp.critical
  line(
    `critical path: ${c.endpoint}: ${c.prefix} token round(s) + max(chain ${c.chain} rounds [${c.chainOf}], all its ${c.throughput * r.concurrency > 0 ? `requests ÷ ${r.concurrency} = ${c.throughput}` : '0'} rounds) = ${c.rounds} rounds`,
  )
  for (const e of cp.endpoints.filter((e) => e.endpoint !== c.endpoint))
    line(`  ${pad(e.endpoint, 10)}${lpad(String(e.rounds), 5)} rounds (${e.chainOf || 'no lists'})`)
  if (cp.unmodelled.length > 0) line(`  not in the dependency model: ${cp.unmodelled.join(', ')}`)
  line(`bound:        ${n0(cp.boundMs)} ms (${c.rounds} rounds × ${r.latencyMs} ms)`)
  line(
    `wall/bound:   total ${n2(r.ratio.totalOverBound)} (collect alone ${n2(r.ratio.collectOverBound)}); target ≤ ${r.ratio.target}: ${verdict(r.ratio.met, 'n/a (no latency)')}`,
  )
  const f = r.floor
  line(
    f
      ? `floor:        ${n1(f.requestMs)} ms per critical-chain request on the idle emulator (bare showCredential, ${f.requests} at ${r.concurrency} in parallel) → ${c.rounds} rounds × ${n1(f.requestMs)} = ${n0(f.boundMs)} ms = ${n2(f.boundMs / cp.boundMs)} × bound; wall ÷ floor ${n2(f.totalOverFloor)}`
      : 'floor:        n/a (no latency, or no access key in the world)',
  )
  line(chainSplitLine(r.chainSplit))
  if (r.loopGaps) line(loopGapsLine(r.loopGaps))
  const m = r.memory
  line(
    `peak RSS:     sampled ${mib(m.peakSampledRssBytes)} (${m.samples} samples; ${mib(m.baselineRssBytes)} before the scan), process maxRSS ${mib(m.maxRssBytes)}, heap used after ${mib(m.heapUsedAfterBytes)}; target ≤ ${mib(m.target.bytes)} at ${n0(m.target.atServers)} servers: ${verdict(m.target.met, 'n/a (smaller world)')}`,
  )
  const e = r.evaluation
  const statuses = Object.entries(e.byStatus)
    .map(([s, k]) => `${s} ${n0(k)}`)
    .join(', ')
  line(`evaluation:   ${n0(e.findings)} findings (${statuses})`)
  line(
    `evaluations/s: ${n0(e.evaluationsPerSecond)} (findings ÷ ${r.overlap !== 'none' ? 'warm evaluation time: the scan evaluated during collection' : 'evaluate time'}); ${n1(e.usPerResource)} µs per resource`,
  )
  const wm = e.warm
  line(
    `warm evaluation: ${n0(wm.totalMs)} ms, median of ${wm.passesMs.length} passes (${wm.passesMs.map(n0).join(' / ')}; ${n1(wm.usPerResource)} µs/resource), inventory build ${n0(wm.inventoryMs)} of it; target ≤ ${n0(wm.target.ms)} ms at ${n0(wm.target.atServers)} servers: ${verdict(wm.target.met, 'n/a (smaller world)')}`,
  )
  line(
    `              split (one more pass, every evaluate() timed: ${n0(wm.timed.totalMs)} ms) = inventory build ${n0(wm.timed.inventoryMs)} + check evaluate() ${n0(wm.timed.checksMs)} + engine ${n0(wm.timed.engineMs)} (findings, fingerprints, sort, duties)`,
  )
  line(
    `costliest checks: (own evaluate() loop, best of ${CHECK_REPEATS}) ${wm.checks
      .slice(0, 5)
      .map((k) => `${k.id} ${n0(k.ms)} ms (${n1(k.usPerResource)} µs × ${n0(k.resources)})`)
      .join('; ')}`,
  )
  return out.join('\n')
}

/** The text report. */
export function formatText(report: BenchReport): string {
  const m = report.machine
  const lin = report.linearity
  const per = (x: Record<string, number>) =>
    Object.entries(x)
      .map(([s, us]) => `${n0(Number(s))} servers ${n1(us)}`)
      .join(', ')
  // Checks that cost next to nothing at the largest size are left out: their ratios are noise.
  const growing = lin.checks.filter((c) => c.ratio !== null && c.ratio > 1.5 && c.largeMs >= 10)
  const summary = report.summary ?? summarise(report.runs)
  // Several runs of one size: one line each (the whole of each is in --json), then the summary.
  const repeated = summary.length < report.runs.length
  return [
    'Sphere scan benchmark',
    `machine:      ${m.cpus} vCPU (${m.cpuModel}), ${mib(m.memoryBytes)} RAM, node ${m.node}, ${m.platform}`,
    '',
    ...(repeated
      ? [...report.runs.map(formatRunLine), '']
      : report.runs.flatMap((r) => [formatRun(r), ''])),
    ...summary.map(formatSummary),
    '',
    `linearity:    evaluate µs per resource: ${per(lin.usPerResource) || 'n/a'} (largest ÷ smallest ${n2(lin.ratio)}); warm pass: ${per(lin.warmUsPerResource) || 'n/a'} (${n2(lin.warmRatio)}); 1.00 = linear`,
    lin.ratio === null
      ? '              (one size: run two sizes to compare)'
      : `              checks whose own cost per resource grows > 1.5× (≥ 10 ms at the largest size): ${growing.map((c) => `${c.id} ${n1(c.smallUs)} → ${n1(c.largeUs)} µs (${n2(c.ratio)}×)`).join('; ') || 'none'}`,
    '',
  ].join('\n')
}

const range = (x: Spread | null, f: (n: number) => string) =>
  x === null ? 'n/a' : x.min === x.max ? f(x.median) : `${f(x.median)} (${f(x.min)}–${f(x.max)})`

/** One run in one line (for `--runs N`). */
function formatRunLine(r: ScanMeasurement): string {
  return `run:          ${n0(r.servers)} servers, emulator ${r.emulator}, load ${r.load.before.toFixed(2)}: total ${n0(r.wall.totalMs)} ms, ÷ bound ${n2(r.ratio.totalOverBound)}, floor ${r.floor ? `${n1(r.floor.requestMs)} ms` : 'n/a'}, wall ÷ floor ${n2(r.floor?.totalOverFloor ?? null)}, scanner CPU ${n0(r.cpu.collectMs + r.cpu.evaluateMs)} ms, ${r.inventory.issues} issues`
}

/** Medians and ranges of one size and emulator mode. */
function formatSummary(s: SummaryRow): string {
  return `summary:      ${n0(s.servers)} servers, emulator ${s.emulator}, ${s.runs} run${s.runs === 1 ? '' : 's'}, median (min–max): total ${range(s.totalMs, n0)} ms; ÷ bound ${range(s.totalOverBound, n2)}; wall ÷ floor ${range(s.wallOverFloor, n2)}; floor ${range(s.floorMs, n1)} ms; scanner CPU ${range(s.scannerCpuMs, n0)} ms; load ${range(s.loadBefore, n2)}; ${targetText(s)}`
}

function targetText(s: SummaryRow): string {
  const t = s.target
  if (t === null) return 'target n/a (no latency)'
  return `target ≤ ${t.ratio}: ${t.metByMedian ? 'met' : 'MISSED'} by the median (${t.runsMet} of ${s.runs} run${s.runs === 1 ? '' : 's'} met it)`
}

/** `mean = there + inside + back` of some requests. */
function parts(p: RequestSplit): string {
  return `${n0(p.requests)} at ${n1(p.meanMs)} ms = ${n1(p.toEmulatorMs)} + ${n1(p.inEmulatorMs)} + ${n1(p.backMs)}`
}

/** The critical endpoint's requests split at the emulator (bench/_request-split.ts). */
function loopGapsLine(g: LoopGaps): string {
  const part = (s: GapSummary) =>
    `${n0(s.fromMs)}–${n0(s.toMs)} ms: ${n0(s.gaps)} gaps, ${n0(s.gapMs)} ms, longest ${n1(s.longestMs)} ms, an answer waits ${n2(s.meanWaitMs)} ms for them`
  return `loop gaps:    the scanner's event loop, gaps > ${g.thresholdMs} ms (1 ms probe): ${part(g.early)}; ${part(g.later)}`
}

function chainSplitLine(s: EndpointSplit): string {
  if (s.all.requests === 0)
    return `chain split:  n/a (${s.unmatched} ${s.endpoint} requests, none matched)`
  const early = s.early ? `; first ${n0(s.earlyMs)} ms: ${parts(s.early)}` : ''
  const later = s.later ? `; after: ${parts(s.later)}` : ''
  const unmatched = s.unmatched > 0 ? ` (${s.unmatched} unmatched)` : ''
  return `chain split:  ${s.endpoint} requests, to the emulator + in it (latency, handler) + back: all ${parts(s.all)}${early}${later}${unmatched}`
}
