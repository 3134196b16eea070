import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, it } from 'node:test'
import { manyFindingsResult, SCRIPT_NAME, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { F } from './_html-data.ts'
import { escapeHtml, jsonForScript } from './_html-escape.ts'
import { renderHtml, renderHtmlChunks } from './html.ts'

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`

/** The JSON data block of a report. */
export function dataOf(html: string): {
  findings: unknown[][]
  scopes: { key: string; label: string }[]
  services: string[]
  total: number
  filter: string
  charts: { severity: Record<string, number>; scope: number[]; service: [string, number][] }
} {
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

  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)

  it('is one self-contained file: no external references of any kind', () => {
    // The data block is inert JSON (its `<` are escaped); Chart.js is the package's own file (see
    // below; it has `toDataURL(`, a canvas export, and no network call); the rest is ours.
    const markup = html.replace(/<script[\s\S]*?<\/script>/g, '') + scripts[1]
    assert.doesNotMatch(markup, /\s(?:src|href|srcset|action|poster|formaction)\s*=/i)
    assert.doesNotMatch(html, /<(?:link|img|iframe|object|embed|base)\b/i)
    assert.doesNotMatch(markup, /@import|url\(|fetch\(|XMLHttpRequest|import\(|sourceMappingURL/i)
  })

  it('bundles Chart.js 4 (its UMD build, as the package ships it) and no inline event handler', () => {
    const pkg = createRequire(import.meta.url).resolve('chart.js')
    const umd = readFileSync(join(dirname(pkg), 'chart.umd.js'), 'utf8')
    assert.equal(scripts.length, 2)
    assert.ok(scripts[0]!.startsWith('/*!\n * Chart.js v4.'), 'Chart.js 4')
    assert.equal(scripts[0], umd.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'))
    const markup = html.replace(/<script[\s\S]*?<\/script>/g, '')
    assert.doesNotMatch(markup, /\son[a-z]+\s*=/i, 'no onclick= or other inline handler')
    assert.doesNotMatch(
      markup,
      /\sstyle\s*=/i,
      'no inline style attribute (the CSP would block it)',
    )
  })

  it('allows only its own style and scripts by hash, and nothing from the network', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!
    assert.ok(csp.includes("default-src 'none'"), csp)
    assert.ok(csp.includes(`style-src ${hash(style)};`), 'style hash matches')
    assert.ok(
      csp.includes(`script-src ${hash(scripts[0]!)} ${hash(scripts[1]!)};`),
      'script hashes',
    )
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/)
  })

  it('carries the scope of every finding and the organisation, charts and breakdown tables', () => {
    const data = dataOf(html)
    assert.deepEqual(
      data.scopes.map((s) => s.label),
      ['eu-de/eu-de_demo', 'account'],
    )
    for (const f of data.findings)
      assert.ok(data.scopes[f[F.scope] as number], 'a scope per finding')
    const iam = data.findings.find((f) => f[F.id] === 'u-bob')!
    assert.equal(data.scopes[iam[F.scope] as number]!.key, 'otc-prod/global/d-f61828ffa684')
    assert.equal(data.services[iam[F.service] as number], 'iam')
    assert.deepEqual(data.charts.scope, [9, 4])
    assert.equal(data.charts.severity.critical, 1)
    assert.match(html, /<h2>Organisation: 2 scopes \(1 project, 1 account\)<\/h2>/)
    assert.match(
      html,
      /<tr><td>otc-prod eu-de\/eu-de_demo<div class="rid">project · p-0391e4486e86<\/div><\/td><td class="num" data-v="19">19<\/td>/,
    )
    assert.match(html, /<table class="sortable" id="by-service">/)
    assert.match(html, /data-service="iam"/)
    assert.match(html, /<td class="cell st-not_met" title="authorization: not met">✗<\/td>/)
    for (const id of ['chart-duties', 'chart-severity', 'chart-service', 'chart-scope'])
      assert.match(html, new RegExp(`<canvas id="${id}"`))
  })

  it('lists only the filtered findings, and says so; the charts still count all', () => {
    const data = dataOf(renderHtml(r, { filter: { severities: ['critical', 'high'] } }))
    assert.equal(
      data.findings.length,
      r.findings.filter((f) => ['critical', 'high'].includes(f.severity)).length,
    )
    assert.equal(data.total, r.findings.length)
    assert.equal(data.filter, 'severity critical, high')
    assert.equal(data.charts.severity.medium, 6)
  })

  it('is written in chunks that make the whole, the findings a batch at a time', () => {
    const big = manyFindingsResult(3_000, r)
    const chunks = [...renderHtmlChunks(big)]
    assert.equal(chunks.join(''), renderHtml(big))
    assert.ok(chunks.length > 6, `${chunks.length} chunks`)
    assert.ok(Math.max(...chunks.map((c) => c.length)) < renderHtml(big).length / 2)
  })

  it('escapes every cloud string and embeds findings as JSON data', () => {
    assert.ok(!html.includes(XSS_NAME), 'the XSS name never appears unescaped')
    assert.ok(!html.includes(SCRIPT_NAME), 'the </script> name never appears unescaped')
    assert.equal(html.match(/<\/script>/g)?.length, 3, 'only the three real script elements end')
    const data = dataOf(html)
    assert.equal(data.findings.length, r.findings.length)
    assert.ok(
      data.findings.some((f) => f[5] === XSS_NAME),
      'the name survives as data',
    )
  })

  it('escapes a hostile project name in the organisation, matrix, filters and data', () => {
    const base = scanResultFixture()
    const rename = <T extends { projectName: string; kind: string }>(s: T): T =>
      s.kind === 'project' ? { ...s, projectName: XSS_NAME } : s
    const hostile = {
      ...base,
      scopes: base.scopes.map((s) => ({ ...s, scope: rename(s.scope) })),
      findings: base.findings.map((f) => ({ ...f, scope: rename(f.scope) })),
      issues: base.issues.map((i) => ({ ...i, scope: rename(i.scope) })),
      unavailable: base.unavailable.map((u) => ({ ...u, scope: rename(u.scope) })),
    }
    const out = renderHtml(hostile)
    assert.ok(!out.includes(XSS_NAME), 'the project name never appears unescaped')
    assert.match(out, /&lt;img src=x onerror=alert\(1\)&gt;/)
    const data = dataOf(out)
    assert.ok(
      data.scopes.some((s) => s.label.includes(XSS_NAME)),
      'the name survives as data',
    )
  })

  it('draws the sphere, the duties and the collection issues', () => {
    assert.match(html, /<h2>Your sphere<\/h2>/)
    assert.match(html, /<td class="cell st-not_met">customer<\/td>/)
    assert.match(html, /<td class="cell st-inherited">provider<\/td>/)
    assert.match(html, /data-duty="network-access"/)
    assert.match(
      html,
      /<td>otc-prod eu-de\/eu-de_demo<\/td><td>volume<\/td><td>evs\.volume<\/td><td>eu-nl<\/td><td>throttled<\/td>/,
    )
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
