import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { FORMULA_NAME, scanResultFixture } from '../engine/testing.ts'
import { CSV_COLUMNS, csvCell, renderCsv } from './csv.ts'
import { parseCsv } from './testing-hostile.ts'

describe(csvCell.name, () => {
  it('quotes commas, quotes and line breaks', () => {
    assert.equal(csvCell('plain'), 'plain')
    assert.equal(csvCell('a,b'), '"a,b"')
    assert.equal(csvCell('say "hi"'), '"say ""hi"""')
    assert.equal(csvCell('two\nlines'), '"two\nlines"')
  })

  it('shows control characters and bidi overrides as visible escapes; keeps tabs and line feeds', () => {
    assert.equal(csvCell('a\u001b]52;c;eA==\u0007b'), 'a\\x1b]52;c;eA==\\x07b')
    assert.equal(csvCell('n\u0000ul\u0008\u009b'), 'n\\x00ul\\x08\\x9b')
    assert.equal(csvCell('x\u202Etxt.exe'), 'x\\u202etxt.exe')
    assert.equal(csvCell('a\tb'), 'a\tb')
    assert.equal(csvCell('one\r\ntwo\rthree'), '"one\ntwo\nthree"')
  })

  it('neutralises formulas', () => {
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      assert.ok(csvCell(f).replace(/^"/, '').startsWith("'"), f)
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
  })
})

describe(renderCsv.name, () => {
  const r = scanResultFixture({ hostile: true })
  const text = renderCsv(r)
  const rows = parseCsv(text)

  it('has a header and one row per finding, CRLF-terminated', () => {
    assert.deepEqual(rows[0], [...CSV_COLUMNS])
    assert.equal(rows.length, r.findings.length + 1)
    assert.ok(rows.every((row) => row.length === CSV_COLUMNS.length))
    assert.ok(text.endsWith('\r\n'))
  })

  it('round-trips cloud strings, formulas neutralised', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    const of = (id: string) =>
      rows.find(
        (row) => row[col('resource_id')] === id && row[col('check_id')] === 'iam-user-mfa-enabled',
      )!
    const bob = of('u-bob')
    assert.equal(bob[col('resource_name')], `'${FORMULA_NAME}`)
    assert.equal(bob[col('status')], 'fail')
    assert.deepEqual(
      [bob[col('cloud')], bob[col('scope_region')], bob[col('project_name')]],
      ['otc-prod', 'global', 'OTC00000000001000000317'],
    )
    const muted = rows.find((row) => row[col('status')] === 'muted')!
    assert.equal(muted[col('muted_status')], 'fail')
    assert.match(muted[col('mute_reason')]!, /nightly batch/)
    const svc = of('u-svc')
    assert.equal(
      svc[CSV_COLUMNS.indexOf('expired_mute')],
      'expired 2026-01-31: Old exception for service users (mutes[1])',
    )
  })

  it('is deterministic', () => {
    assert.equal(renderCsv(scanResultFixture({ hostile: true })), text)
  })
})
