/**
 * Keeps the benchmark from rotting: its measurement runs on a 20-server world with no latency
 * and the report must carry every field. No figure is asserted (timing never is, in tests).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { machine } from './_measure.ts'
import {
  type BenchReport,
  formatText,
  linearity,
  measureScan,
  parseBenchArgs,
  REPORT_FIELDS,
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
    assert.ok(
      formatText({ machine: machine(), runs: [run], linearity: linearity([run]) }).includes(
        'in a child process',
      ),
    )
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
    const a = parseBenchArgs(['--servers', '50,10', '--latency-ms', '0', '--json'])
    assert.deepEqual(a.servers, [10, 50])
    assert.equal(a.latencyMs, 0)
    assert.equal(a.json, true)
    assert.throws(() => parseBenchArgs(['--servers', 'x']), RangeError)
  })
})
