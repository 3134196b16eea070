/**
 * Terminal and CSV injection, end to end: a cloud whose user and security group names carry
 * OSC 52 (clipboard write), CSI 2J, BEL, NUL, C1 CSI and a right-to-left override, and a host
 * report whose hostname does the same. No report format on stdout and nothing on stderr carries a
 * raw control character or bidi override; JSON gives the names back exactly; CSV formulas are
 * neutralised.
 */
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { hostReport } from '../../src/host/testing.ts'
import { CSV_COLUMNS } from '../../src/reports/csv.ts'
import { parseCsv } from '../../src/reports/testing-hostile.ts'
import { assertNoLeaks, assertNoRawControls, emulatorCloud, sphere, tempDir } from './_kit.ts'

const dir = tempDir('injection')
const EVIL_USER = 'evil\u001b]52;c;Y3VybCBldmlsfHNo\u0007\u001b[2J\u009b31m\u202Etxt.exe\u0000'
const FORMULA_USER = "=cmd|' /C calc'!A0"
const EVIL_SG = 'sg\u001b]0;owned\u0007\u2066x\u0008'

/** YAML double-quoted strings can spell every control character with escapes. */
const WORLD = `name: hostile
domain:
  name: OTC00000000001000000001
projects:
  - name: eu-de
users:
  - name: admin
    password: Sphere-Empty-1
    isDomainOwner: true
    groups: [admin]
    mfa: true
    loginProtection: { enabled: true, method: vmfa }
    lastLogin: -1d
  - name: "evil\\e]52;c;Y3VybCBldmlsfHNo\\a\\e[2J\\x9b31m\\u202Etxt.exe\\0"
    mfa: false
    lastLogin: -1d
  - name: "=cmd|' /C calc'!A0"
    mfa: false
securityGroups:
  - name: "sg\\e]0;owned\\a\\u2066x\\b"
    description: "\\e[2J"
    rules: []
`

describe('hostile names from the cloud', () => {
  let env: Record<string, string>
  before(async () => {
    const world = join(dir, 'hostile-world.yaml')
    writeFileSync(world, WORLD)
    const { clouds } = await emulatorCloud(dir, world)
    env = { OS_CLIENT_CONFIG_FILE: clouds }
  })
  const scan = (...args: string[]) =>
    sphere(['scan', '--os-cloud', 'hostile', ...args], { cwd: dir, env })

  for (const format of ['text', 'markdown', 'csv'])
    it(`${format}: no raw control character or bidi override on stdout or stderr`, async () => {
      const r = await scan('--format', format)
      assert.equal(r.code, 1, r.err)
      assertNoLeaks(r)
      // Markdown escapes the escape's backslash (and `]`) once more.
      assert.match(r.out, /x1b\\?\]52;c;/, 'OSC 52 is shown escaped')
      assert.match(r.out, /\\u202etxt\.exe/, 'the right-to-left override is shown escaped')
    })

  it('csv: every row whole, a formula name neutralised', async () => {
    const r = await scan('--format', 'csv')
    assertNoRawControls(r.out.replaceAll('\r\n', '\n'), 'csv')
    const rows = parseCsv(r.out)
    assert.ok(rows.every((row) => row.length === CSV_COLUMNS.length))
    const names = rows.map((row) => row[CSV_COLUMNS.indexOf('resource_name')])
    assert.ok(names.includes(`'${FORMULA_USER}`))
    assert.ok(!names.includes(FORMULA_USER))
  })

  it('json: the names come back exactly (JSON escaping is the neutralisation)', async () => {
    const r = await scan('--format', 'json')
    assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(r.out))
    const names = JSON.parse(r.out).findings.map(
      (f: { resource: { name: string } }) => f.resource.name,
    )
    assert.ok(names.includes(EVIL_USER))
    assert.ok(names.includes(EVIL_SG))
  })
})

describe('a host report with a hostile hostname', () => {
  it('the stderr host summary shows it escaped', async () => {
    const { clouds } = await emulatorCloud(dir, 'demo', 'demo')
    const reports = join(dir, 'host-reports')
    mkdirSync(reports)
    const hostname = 'web\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\u0007\u202Eevil'
    writeFileSync(
      join(reports, 'evil.json'),
      JSON.stringify(hostReport({ collectedAt: new Date().toISOString(), host: { hostname } })),
    )
    const r = await sphere(
      ['scan', '--os-cloud', 'demo', '--format', 'csv', '--host-reports', reports],
      {
        cwd: dir,
        env: { OS_CLIENT_CONFIG_FILE: clouds },
      },
    )
    assert.equal(r.code, 1, r.err)
    assertNoLeaks(r)
    assert.match(r.err, /host reports: .*1 matching no server/)
    assert.match(
      r.err,
      /warning: .*evil\.json: matches no server: .*web\\x1b\]52;c;cm0gLXJmIH4=\\x07\\x1b\[2J\\x07\\u202eevil/,
    )
  })
})
