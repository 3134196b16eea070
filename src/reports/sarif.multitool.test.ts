/**
 * The SARIF report through Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`, the
 * validator GitHub's documentation points to), with its SARIF rules and its GitHub code scanning
 * rules (`--rule-kind "Gh;Sarif"`): no error, and no warning but the one we accept. Without the
 * Linux binary the test is skipped, except in CI (`CI` set), where that is a failure.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { scanResultFixture } from '../engine/testing.ts'
import { FINDING_STATUSES } from '../engine/types.ts'
import { renderSarif } from './sarif.ts'

function multitool(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve(
      '@microsoft/sarif-multitool-linux/package.json',
    )
    const bin = join(dirname(pkg), 'Sarif.Multitool')
    return existsSync(bin) ? bin : undefined
  } catch {
    return undefined
  }
}
const BIN = process.platform === 'linux' ? multitool() : undefined
const skip = !BIN && !process.env.CI ? 'the SARIF Multitool (Linux binary) is not installed' : false

/**
 * Accepted: SARIF2005 asks for `tool.driver.informationUri`; Sphere has no public home page to
 * name, and an invented one would send people nowhere.
 */
const ACCEPTED = new Set(['SARIF2005'])

describe('SARIF Multitool validate --rule-kind "Gh;Sarif"', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-sarif-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('finds no error and no unaccepted warning: default, every status, and grouped', () => {
    assert.ok(BIN, 'CI is set: install @microsoft/sarif-multitool (npm) for this test')
    const r = scanResultFixture({ hostile: true })
    const files = {
      'default.sarif': renderSarif(r),
      'every-status.sarif': renderSarif(r, { filter: { statuses: [...FINDING_STATUSES] } }),
      'grouped.sarif': renderSarif(r, { limits: { resultsPerRun: 4, gzipBytes: 1e9 } }),
    }
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    const out = join(dir, 'validation.sarif')
    const run = spawnSync(
      BIN!,
      [
        'validate',
        '--rule-kind',
        'Gh;Sarif',
        '-o',
        out,
        ...Object.keys(files).map((f) => join(dir, f)),
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      },
    )
    assert.equal(run.status, 0, `multitool exit ${run.status}: ${run.stdout}${run.stderr}`)
    const log = JSON.parse(readFileSync(out, 'utf8'))
    const results: { ruleId: string; level?: string; message: { text?: string } }[] =
      log.runs[0].results ?? []
    const problems = results
      .filter((x) => (x.level ?? 'warning') === 'error' || !ACCEPTED.has(x.ruleId))
      .map((x) => `${x.level ?? 'warning'} ${x.ruleId}: ${x.message.text ?? ''}`)
    assert.deepEqual(problems, [])
    assert.ok(log.runs[0].invocations[0].executionSuccessful, 'the multitool ran to the end')
  })
})
