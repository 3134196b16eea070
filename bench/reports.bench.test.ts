/**
 * Keeps the reports bench from rotting: a real `sphere scan` of a 20-server world writes the five
 * formats, and the bench reads every figure it prints (the HTML timings only where Chromium is).
 * No figure is asserted: timing and memory never are, in tests.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { describe, it } from 'node:test'
import { CHROMIUM } from './_html-timings.ts'
import { BENCH_FORMATS, formatReports, measureReports } from './reports.bench.ts'

describe('bench/reports.bench.ts', () => {
  it('runs one five-format scan and reports its memory, files, SARIF and HTML figures', async () => {
    const browser = existsSync(CHROMIUM)
    const m = await measureReports({ servers: 20, latencyMs: 0, seed: 1, browser })
    assert.ok([0, 1, 3].includes(m.exitCode ?? -1), `exit ${m.exitCode}: ${m.stderr}`)
    assert.deepEqual(
      m.files.map((f) => f.name),
      ['bench.csv', 'bench.html', 'bench.json', 'bench.ocsf.json', 'bench.sarif'],
    )
    assert.equal(m.files.length, BENCH_FORMATS.length)
    assert.ok(m.peakRssBytes > 0 && (m.findings ?? 0) > 0 && (m.sarif?.results ?? 0) > 0)
    const text = formatReports(m)
    for (const field of ['peak RSS:', 'findings:', 'bench.html', 'SARIF:'])
      assert.ok(text.includes(field), `text lacks "${field}"`)
    if (browser) {
      assert.ok(m.html && m.html.interactions.length >= 8)
      assert.match(text, /first findings .* charts /)
      assert.ok(m.html.interactions.every((i) => /Showing|No findings/.test(i.info)))
    }
  })
})
