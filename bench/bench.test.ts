/**
 * Keeps the benchmark from rotting: its measurement runs on a 20-server world with no latency
 * and the report must carry every field. No figure is asserted (timing never is, in tests).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { machine, TARGETS, WARM_PASSES } from './_measure.ts'
import type { EmulatorMode } from './_serve.ts'
import {
  type BenchReport,
  formatText,
  linearity,
  measureScan,
  parseBenchArgs,
  REPORT_FIELDS,
  summarise,
} from './scan.bench.ts'

describe('bench/scan.bench.ts', () => {
  it('measures a 20-server scan and reports every field, as text and as JSON', async () => {
    const run = await measureScan({ servers: 20, latencyMs: 0, concurrency: 4, emulator: 'split' })
    const report: BenchReport = { machine: machine(), runs: [run], linearity: linearity([run]) }

    const text = formatText(report)
    for (const field of REPORT_FIELDS) assert.ok(text.includes(field), `text lacks "${field}"`)

    const json = JSON.parse(JSON.stringify(report)) as BenchReport
    const r = json.runs[0]!
    assert.deepEqual(Object.keys(r.wall).sort(), ['collectMs', 'evaluateMs', 'totalMs'])
    for (const key of [
      'world',
      'cpu',
      'inventory',
      'services',
      'totals',
      'operations',
      'endpoints',
      'criticalPath',
      'floor',
      'ratio',
      'memory',
      'evaluation',
    ] as const)
      assert.ok(r[key] !== undefined, `JSON run lacks "${key}"`)
    assert.ok(Object.keys(r.services).length > 0, 'no per-service stats')
    assert.ok(r.criticalPath.endpoints.length > 0, 'no critical-path endpoints')
    assert.deepEqual(r.criticalPath.unmodelled, [], 'an operation is missing from the model')
    assert.ok(r.evaluation.warm.checks.length > 0, 'no per-check costs')
    assert.equal(r.evaluation.warm.passesMs.length, WARM_PASSES)
    const sorted = [...r.evaluation.warm.passesMs].sort((a, b) => a - b)
    assert.equal(r.evaluation.warm.totalMs, sorted[WARM_PASSES >> 1], 'the median pass')
    assert.equal(r.evaluation.warm.target.met, null, 'judged only at 10,000 servers')
    assert.ok(r.cpu.pageFaults >= 0 && r.cpu.systemMs >= 0)
    assert.match(text, /of which system [\d,]+ ms \([\d,]+ page faults\)/)
    assert.match(
      text,
      /warm evaluation: [\d,]+ ms, median of 3 passes \([\d,]+ \/ [\d,]+ \/ [\d,]+;/,
    )
    const t = r.evaluation.warm.timed
    assert.ok(t.checksMs > 0 && t.totalMs >= t.inventoryMs + t.checksMs, 'the timed pass splits')
    assert.match(text, /split \(one more pass, every evaluate\(\) timed: [\d,]+ ms\) = inventory/)
    const cs = r.chainSplit
    assert.equal(cs.endpoint, r.criticalPath.critical.endpoint)
    assert.ok(cs.all.requests > 0 && cs.unmatched === 0, 'every chain request met its answer')
    const { meanMs, toEmulatorMs, inEmulatorMs, backMs } = cs.all
    assert.ok(Math.abs(meanMs - (toEmulatorMs + inEmulatorMs + backMs)) < 1e-6)
    assert.ok(toEmulatorMs > 0 && inEmulatorMs > 0 && backMs > 0)
    assert.match(text, /chain split: {2}identity requests, to the emulator \+ in it/)
    assert.equal(r.emulator, 'split')
    assert.equal(r.inventory.issues, 0, 'the split emulator served every type')
    assert.ok(r.inventory.byType['obs.bucket']! > 0 && r.inventory.byType['iam.user']! > 0)
  })

  it('serves the world from one emulator process as well (--emulator process)', async () => {
    const run = await measureScan({
      servers: 20,
      latencyMs: 0,
      concurrency: 4,
      emulator: 'process',
    })
    assert.equal(run.emulator, 'process')
    assert.equal(run.inventory.issues, 0)
    assert.ok(run.chainSplit.all.requests > 0 && run.chainSplit.unmatched === 0)
    // The emulator's own CPU, with its system share and page faults (its process is ours to ask).
    assert.ok(run.world.emulatorCpuMs! > 0 && run.world.emulatorPageFaults! > 0)
    assert.ok(
      run.world.emulatorSystemMs! >= 0 && run.world.emulatorSystemMs! <= run.world.emulatorCpuMs!,
    )
    assert.match(
      formatText({ machine: machine(), runs: [run], linearity: linearity([run]) }),
      /serving CPU [\d,]+ ms, of which system [\d,]+ ms \([\d,]+ page faults\)/,
    )
    assert.ok(
      formatText({ machine: machine(), runs: [run], linearity: linearity([run]) }).includes(
        'in a child process',
      ),
    )
    // Repeated runs: one line each, then medians and ranges per size and mode.
    const slower = (ms: number, ratio: number, emulator: EmulatorMode = 'process') => ({
      ...run,
      emulator,
      wall: { ...run.wall, totalMs: ms },
      ratio: { ...run.ratio, totalOverBound: ratio },
    })
    const runs = [slower(300, 1.5), slower(100, 1.1), slower(200, 1.3), slower(50, 1.2, 'split')]
    const summary = summarise(runs)
    assert.deepEqual(
      summary.map((r) => [r.emulator, r.runs, r.totalMs, r.totalOverBound]),
      [
        ['process', 3, { median: 200, min: 100, max: 300 }, { median: 1.3, min: 1.1, max: 1.5 }],
        ['split', 1, { median: 50, min: 50, max: 50 }, { median: 1.2, min: 1.2, max: 1.2 }],
      ],
    )
    assert.equal(summary[0]!.wallOverFloor, null, 'no floor without latency')
    const text = formatText({ machine: machine(), runs, linearity: linearity(runs), summary })
    assert.equal(text.match(/^run: /gm)?.length, 4)
    assert.match(
      text,
      /summary: {6}20 servers, emulator process, 3 runs, median \(min–max\): total 200 \(100–300\) ms; ÷ bound 1\.30 \(1\.10–1\.50\)/,
    )
    assert.equal(
      summarise([slower(1, 1), slower(3, 1)])[0]!.totalMs.median,
      2,
      'even: the mean of the middle two',
    )
    // Without latency there is no bound to judge; with one, the median is judged, and the count of
    // single runs that met the target is told beside it.
    assert.match(text, /; target n\/a \(no latency\)$/m)
    const judged = (ratio: number) => ({
      ...slower(100, ratio),
      ratio: { ...run.ratio, totalOverBound: ratio, target: 1.25, met: ratio <= 1.25 },
    })
    const met = summarise([judged(1.2), judged(1.3), judged(1.24)])
    assert.deepEqual(met[0]!.target, { ratio: 1.25, metByMedian: true, runsMet: 2 })
    const missed = summarise([judged(1.26), judged(1.3), judged(1.2)])
    assert.deepEqual(missed[0]!.target, { ratio: 1.25, metByMedian: false, runsMet: 1 })
    const line = (rows: ReturnType<typeof summarise>) =>
      formatText({ machine: machine(), runs: [run], linearity: linearity([run]), summary: rows })
    assert.match(line(met), /target ≤ 1\.25: met by the median \(2 of 3 runs met it\)/)
    assert.match(line(missed), /target ≤ 1\.25: MISSED by the median \(1 of 3 runs met it\)/)
  })

  it("judges each size by the issue's target: ≤ 1.25 × bound from 10,000 servers, ≤ 1.5 below", () => {
    assert.equal(TARGETS.wallOverBound(10_000), 1.25)
    assert.equal(TARGETS.wallOverBound(50_000), 1.25)
    assert.equal(TARGETS.wallOverBound(1_000), 1.5)
    assert.equal(TARGETS.evaluationMs, 1500)
  })

  it('parses its options', () => {
    const d = parseBenchArgs([])
    assert.deepEqual(d.servers, [1000, 10000])
    assert.equal(d.latencyMs, 20)
    assert.equal(d.concurrency, 4)
    assert.equal(d.json, false)
    assert.equal(d.emulator, 'process')
    assert.equal(parseBenchArgs(['--emulator', 'split']).emulator, 'split')
    assert.throws(() => parseBenchArgs(['--emulator', 'two']), /process, split or inline/)
    assert.equal(d.runs, 1)
    const ab = parseBenchArgs(['--emulator', 'process,split', '--runs', '3'])
    assert.deepEqual([ab.emulators, ab.emulator, ab.runs], [['process', 'split'], 'process', 3])
    assert.throws(() => parseBenchArgs(['--runs', '0']), RangeError)
    assert.throws(() => parseBenchArgs(['--projects', '5', '--runs', '2']), /for one project/)
    const a = parseBenchArgs(['--servers', '50,10', '--latency-ms', '0', '--json'])
    assert.deepEqual(a.servers, [10, 50])
    assert.equal(a.latencyMs, 0)
    assert.equal(a.json, true)
    assert.throws(() => parseBenchArgs(['--servers', 'x']), RangeError)
  })
})
