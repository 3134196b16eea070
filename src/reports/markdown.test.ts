import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scanResultFixture } from '../engine/testing.ts'
import { mdEscape, renderMarkdown } from './markdown.ts'

describe(mdEscape.name, () => {
  it('escapes pipes, HTML, emphasis, links, mentions and line breaks', () => {
    assert.equal(mdEscape('a|b'), 'a\\|b')
    assert.equal(mdEscape('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;')
    assert.equal(
      mdEscape('[x](http://e) *b* _i_ `c` ~s~'),
      '\\[x\\](http://e) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~',
    )
    assert.equal(mdEscape('@org/team & co'), '&#64;org/team &amp; co')
    // ESC shows as `\x1b` (its backslash escaped for Markdown); U+202E as `\u202e`.
    assert.equal(mdEscape('one\r\ntwo\u001b[31m'), 'one two\\\\x1b\\[31m')
    assert.equal(mdEscape('a\u202Eb\u2066c'), 'a\\\\u202eb\\\\u2066c')
  })
})

describe(renderMarkdown.name, () => {
  const r = scanResultFixture({ hostile: true })
  const md = renderMarkdown(r)

  it('summarises the duties in a table', () => {
    assert.match(
      md,
      /^\| Network access is restricted to what is needed \(`network-access`\) \| customer \| ❌ not met \| 3 \| 0 \| 0 \| 0 \| 6 \|$/m,
    )
    assert.match(
      md,
      /^\| Data centres and hardware are secured and redundant \(`physical-infrastructure`\) \| provider \| ☁️ inherited \|/m,
    )
  })

  it('lists failing findings, capped with a "…and N more" line', () => {
    assert.match(md, /### Failing findings \(13\)/)
    const capped = renderMarkdown(r, { maxFindings: 3 })
    const rows = capped.split('\n').filter((l) => /^\| (critical|high|medium|low|info) \|/.test(l))
    assert.equal(rows.length, 3)
    assert.match(capped, /^…and 10 more failing findings \(see the full report\)$/m)
  })

  it('lists collection issues and notes', () => {
    assert.match(
      md,
      /^\| volume \| `evs\.volume` \| eu-nl \| throttled \| 429 Too Many Requests after 5 attempts \|$/m,
    )
    assert.match(
      md,
      /^- \*\*warning\*\* mutelist\.yaml: mutes\\\[1\\\]: mute expired on 2026-01-31/m,
    )
  })

  it('keeps hostile names inside their cell and out of HTML', () => {
    assert.doesNotMatch(md, /<img|<script|<\/script|<b>/)
    const rds = md.split('\n').find((l) => l.includes('`rds-instance-not-public`'))!
    assert.equal(rds.split(/(?<!\\)\|/).length - 2, 7, 'the pipe in the name does not add a cell')
  })

  it('is deterministic', () => {
    assert.equal(renderMarkdown(scanResultFixture({ hostile: true })), md)
  })
})
