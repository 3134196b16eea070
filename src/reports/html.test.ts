import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { manyFindingsResult, SCRIPT_NAME, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { escapeHtml, jsonForScript } from './_html-escape.ts'
import { renderHtml } from './html.ts'

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`

/** The JSON data block of a report. */
export function dataOf(html: string): { findings: unknown[][] } {
  const m = /<script type="application\/json" id="sphere-data">([\s\S]*?)<\/script>/.exec(html)
  assert.ok(m, 'data block present')
  return JSON.parse(m[1]!)
}

describe(escapeHtml.name, () => {
  it('escapes markup and quotes and drops control characters', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
    assert.equal(escapeHtml('a\u001b[31mb'), 'a\ufffd[31mb')
  })
})

describe(jsonForScript.name, () => {
  it('cannot close a script element and still parses to the same value', () => {
    const v = { s: '</script><!-- & \u2028' }
    const out = jsonForScript(v)
    assert.doesNotMatch(out, /[<>&\u2028]/)
    assert.deepEqual(JSON.parse(out), v)
  })
})

describe(renderHtml.name, () => {
  const r = scanResultFixture({ hostile: true })
  const html = renderHtml(r)

  it('is one self-contained file: no external references of any kind', () => {
    // The data block is inert JSON (its `<` are escaped); everything else is markup, CSS and JS.
    const markup = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '')
    assert.doesNotMatch(markup, /\s(?:src|href|srcset|action|poster|formaction)\s*=/i)
    assert.doesNotMatch(html, /<(?:link|img|iframe|object|embed|base)\b/i)
    assert.doesNotMatch(markup, /@import|url\(|fetch\(|XMLHttpRequest|import\(/i)
  })

  it('allows only its own style and script by hash, and nothing from the network', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!
    assert.ok(csp.includes("default-src 'none'"), csp)
    assert.ok(csp.includes(`style-src ${hash(style)}`), 'style hash matches')
    assert.ok(csp.includes(`script-src ${hash(script)}`), 'script hash matches')
  })

  it('escapes every cloud string and embeds findings as JSON data', () => {
    assert.ok(!html.includes(XSS_NAME), 'the XSS name never appears unescaped')
    assert.ok(!html.includes(SCRIPT_NAME), 'the </script> name never appears unescaped')
    assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the two real script elements end')
    const data = dataOf(html)
    assert.equal(data.findings.length, r.findings.length)
    assert.ok(
      data.findings.some((f) => f[5] === XSS_NAME),
      'the name survives as data',
    )
  })

  it('draws the sphere, the duties and the collection issues', () => {
    assert.match(html, /<h2>Your sphere<\/h2>/)
    assert.match(html, /<td class="cell st-not_met">customer<\/td>/)
    assert.match(html, /<td class="cell st-inherited">provider<\/td>/)
    assert.match(html, /data-duty="network-access"/)
    assert.match(html, /<td>volume<\/td><td>evs\.volume<\/td><td>eu-nl<\/td><td>throttled<\/td>/)
    assert.match(html, /mute expired on 2026-01-31/)
  })

  it('is deterministic', () => {
    assert.equal(renderHtml(scanResultFixture({ hostile: true })), html)
  })

  it('grows linearly with the number of findings', () => {
    const small = renderHtml(manyFindingsResult(2_000, r)).length
    const large = renderHtml(manyFindingsResult(20_000, r)).length
    const perSmall = small / 2_000
    const perLarge = large / 20_000
    assert.ok(
      perLarge < perSmall * 1.1,
      `${perSmall.toFixed(0)} vs ${perLarge.toFixed(0)} bytes per finding`,
    )
    assert.ok(perLarge < 500, 'well under 100 MB at 100,000 findings')
  })
})
