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
      /^\| Network access is restricted to what is needed \(`network-access`\) \| customer \| ❌ not met \| ❌ not met \| – \| 3 \| 0 \| 0 \| 0 \| 6 \|$/m,
    )
    assert.match(
      md,
      /^\| Data centres and hardware are secured and redundant \(`physical-infrastructure`\) \| provider \| ☁️ inherited \|/m,
    )
  })

  it('starts with the organisation: a row per scope, and each scope’s status of each duty', () => {
    assert.match(md, /^\*\*Organisation:\*\* 2 scopes \(1 project, 1 account\)$/m)
    assert.match(
      md,
      /^\| otc-prod eu-de\/eu-de\\_demo \| 19 \| 5 \| 3 \| 1 \| 9 \| 2 \| 4 \| 1 \|$/m,
    )
    assert.match(md, /^\| Duty \| Owner \| Organisation \| eu-de\/eu-de\\_demo \| account \| Fail/m)
    assert.match(
      md,
      /\(`authorization`\) \| customer \| ❌ not met \| ❌ not met \| ❌ not met \| 5 \|/,
    )
    assert.ok(md.indexOf('**Organisation:**') < md.indexOf('### Failing findings'))
    const org = renderMarkdown({
      ...r,
      scopes: [
        ...Array.from({ length: 5 }, (_, i) => ({
          ...r.scopes[0]!,
          scope: { ...r.scopes[0]!.scope, projectId: `p-${i}`, projectName: `eu-de_team${i}` },
        })),
        r.scopes[1]!,
      ],
    })
    assert.match(org, /^\*\*Duties per scope\*\*$/m, 'six scopes: a matrix instead of columns')
    assert.match(org, /^\| eu-de\/eu-de\\_team4 \| ❌ not met \| ❌ not met \|/m)
    assert.match(org, /^\| account \| – \| – \| – \| – \| – \| ❌ not met \|/m)
  })

  it('shows the scope of each failing finding and collection issue; filters the list only', () => {
    assert.match(md, /`iam-user-mfa-enabled` \| .* \| account \| user/)
    assert.match(md, /^\| eu-de\/eu-de\\_demo \| volume \| `evs\.volume` \| eu-nl \| throttled/m)
    const crit = renderMarkdown(r, { filter: { severities: ['critical'] } })
    assert.match(crit, /### Failing findings \(1\) \(listed: severity critical\)/)
    assert.match(crit, /13 failing findings/, 'the headline counts every finding')
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
      /^\| eu-de\/eu-de\\_demo \| volume \| `evs\.volume` \| eu-nl \| throttled \| 429 Too Many Requests after 5 attempts \|$/m,
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
