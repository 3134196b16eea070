import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { captureIO } from '../_capture.ts'
import { runCli } from '../main.ts'
import { coverageMarkdown, coverageRows } from './frameworks.ts'

async function run(args: string[]) {
  const c = captureIO()
  const code = await runCli(['frameworks', ...args], c.io)
  return { code, out: c.out(), err: c.err() }
}

describe('sphere frameworks', () => {
  it('lists every framework per model with its coverage', async () => {
    const r = await run([])
    assert.equal(r.code, 0)
    assert.match(r.out, /^c5-2020 \(BSI C5:2020\) +iaas +121 +47 +\d+ +\d+ +74$/m)
    assert.match(r.out, /^ccm-v4 \(CSA CCM v4 4\.0\.12\) +paas +197 +174 +\d+ +\d+ +23$/m)
  })

  it('json: the numbers add up; --model selects one model', async () => {
    const { frameworks } = JSON.parse((await run(['--format', 'json', '--model', 'iaas'])).out)
    assert.deepEqual(
      frameworks.map((f: { framework: string }) => f.framework),
      ['c5-2020', 'ccm-v4'],
    )
    for (const f of frameworks) {
      assert.equal(f.customerPart + f.inherited, f.total)
      assert.equal(f.evidenced + f.manual, f.customerPart)
      assert.ok(f.evidenced > 0)
    }
  })

  it('the README carries the current coverage table', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    const m = /<!-- frameworks:begin -->\n([\s\S]*?)\n<!-- frameworks:end -->/.exec(readme)
    assert.ok(m, 'README has the frameworks markers')
    assert.equal(m[1], coverageMarkdown(coverageRows()), 'run: sphere frameworks --format markdown')
  })

  it('a bad --format is a usage error (exit 2)', async () => {
    const r = await run(['--format', 'pdf'])
    assert.equal(r.code, 2)
    assert.match(r.err, /--format: "pdf" is not valid/)
  })
})
