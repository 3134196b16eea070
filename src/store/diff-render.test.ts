import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderJson } from '../reports/json.ts'
import { hostileScanResult } from '../reports/testing-hostile.ts'
import { diffScans } from './diff.ts'
import { renderDiff } from './diff-render.ts'
import type { StoredFinding } from './read.ts'

const findings: StoredFinding[] = JSON.parse(renderJson(hostileScanResult())).findings
const before = findings.map((f) => ({ ...f, status: 'pass' as const }))
const d = diffScans(
  { label: 'a', startedAt: '2026-01-01T00:00:00Z', findings: before, duties: [] },
  { label: 'b', startedAt: '2026-01-02T00:00:00Z', findings, duties: [] },
)

describe('renderDiff', () => {
  it('json: the documented keys, each finding as in the JSON report', () => {
    const doc = JSON.parse(renderDiff(d, 'json'))
    for (const k of ['newFailures', 'fixed', 'stillFailing', 'changed', 'duties'])
      assert.ok(Array.isArray(doc[k]), k)
    assert.ok(doc.newFailures.length > 0)
    const f = doc.newFailures[0]
    for (const k of [
      'fingerprint',
      'checkId',
      'resource',
      'scope',
      'severity',
      'message',
      'remediation',
    ])
      assert.ok(k in f, k)
  })

  it('text: hostile names cannot reach the terminal as control sequences', () => {
    const out = renderDiff(d, 'text')
    assert.match(out, /new failures/)
    assert.doesNotMatch(out, /\u001b/)
    assert.doesNotMatch(out, /[\u202a-\u202e\u2066-\u2069]/)
  })

  it('markdown: hostile names cannot inject HTML, links or table cells', () => {
    const out = renderDiff(d, 'markdown')
    assert.doesNotMatch(out, /<script|<img/i)
    assert.doesNotMatch(out, /(?<!\\)\]\(http/)
    for (const line of out
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| severity'))) {
      const cells = line.replace(/\\\|/g, '').split('|').length
      assert.ok(cells === 7 || cells === 6 || cells === 5, line)
    }
  })
})
