/**
 * Every report format against the hostile corpus: text, Markdown and CSV show no raw control
 * character (beyond their own line feeds and tabs), no bidi override and no lone surrogate; JSON,
 * SARIF and OCSF stay valid and give every string back exactly (JSON escaping is their
 * neutralisation); HTML escapes markup.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CSV_COLUMNS, renderCsv } from './csv.ts'
import { renderHtml } from './html.ts'
import { renderJson } from './json.ts'
import { renderMarkdown } from './markdown.ts'
import { renderOcsf } from './ocsf.ts'
import { renderSarif } from './sarif.ts'
import {
  HOSTILE_LIST,
  HOSTILE_STRINGS,
  hostileScanResult,
  parseCsv,
  RAW_UNSAFE,
} from './testing-hostile.ts'
import { renderText } from './text.ts'

const r = hostileScanResult()

/** Every string value inside a parsed JSON document. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v)
  else if (Array.isArray(v)) for (const x of v) strings(x, out)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out)
  return out
}

function assertNoRawUnsafe(name: string, text: string) {
  const m = RAW_UNSAFE.exec(text)
  assert.equal(
    m,
    null,
    `${name}: raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m?.index}: ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 30), (m?.index ?? 0) + 10))}`,
  )
}

describe('reports against the hostile corpus', () => {
  it('the corpus reaches the result (names, messages, notes, issues)', () => {
    const all = strings(r)
    for (const s of HOSTILE_LIST)
      assert.ok(
        all.some((x) => x.includes(s)),
        JSON.stringify(s.slice(0, 40)),
      )
  })

  it('text: no raw control character, bidi override or lone surrogate; escapes are visible', () => {
    const text = renderText(r, { color: false })
    assertNoRawUnsafe('text', text)
    assert.ok(text.includes('\\x1b]52;c;'), 'OSC 52 is shown as \\x1b]52')
    assert.ok(text.includes('invoice\\u202etxt.exe'))
  })

  it('markdown: the same, and no hostile string can add a table cell', () => {
    const md = renderMarkdown(r, { maxFindings: 1000 })
    assertNoRawUnsafe('markdown', md)
    // Outside code spans (where GFM shows markup as text), no markup is live.
    const prose = md.replace(/`[^`\n]*`/g, '')
    assert.ok(!prose.includes('<script>') && !prose.includes('<img '), 'markup escaped')
    const cells = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'))
    assert.ok(tables.length >= 3)
    for (const t of tables) {
      const lines = t.split('\n')
      for (const l of lines) assert.equal(cells(l), cells(lines[0]!), l.slice(0, 120))
    }
  })

  it('csv: no raw control other than tab and line feed; every row whole; formulas neutralised', () => {
    const csv = renderCsv(r)
    assertNoRawUnsafe('csv', csv.replaceAll('\r\n', '\n'))
    assert.doesNotMatch(csv.replaceAll('\r\n', ''), /\r/)
    const rows = parseCsv(csv)
    assert.equal(rows.length, r.findings.length + 1)
    for (const row of rows) {
      assert.equal(row.length, CSV_COLUMNS.length)
      for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell.slice(0, 40))
    }
    const names = rows.slice(1).map((row) => row[CSV_COLUMNS.indexOf('resource_name')])
    assert.ok(names.includes(`'${HOSTILE_STRINGS.formula}`))
  })

  for (const [name, render, parse] of [
    ['json', renderJson, JSON.parse],
    ['sarif', renderSarif, JSON.parse],
    ['ocsf', renderOcsf, JSON.parse],
  ] as const) {
    it(`${name}: valid JSON that gives every string back exactly`, () => {
      const out = render(r)
      assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(out), 'C0 controls are JSON-escaped')
      const all = strings(parse(out))
      for (const s of HOSTILE_LIST)
        assert.ok(
          all.some((x) => x.includes(s)),
          `${name} lost ${JSON.stringify(s.slice(0, 40))}`,
        )
    })
  }

  it('html: markup from the cloud is escaped, never live', () => {
    const html = renderHtml(r)
    assert.ok(!html.includes(HOSTILE_STRINGS.script!))
    assert.ok(!html.includes('<img src=x'))
    assert.doesNotMatch(html, /href="javascript:/i)
    assert.doesNotMatch(html, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
  })
})
