import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { DEFAULT_OS_EOL_FILE, OsEolFile } from './os-eol.ts'
import { parseDistroInfo, parseEndoflife, REFRESH_SOURCES, refreshOsEol } from './refresh.ts'

const RHEL_MD = `---
title: Red Hat Enterprise Linux
releases:
-   releaseCycle: "10"
    releaseDate: 2025-05-20
    eol: 2035-05-31
    eoes: 2039-05-31
-   releaseCycle: "9"
    eol: 2032-05-31
    eoes: 2036-05-31
-   releaseCycle: "4"
    eol: 2012-02-29
---
body
`
const OL_MD =
  '---\nreleases:\n-   releaseCycle: "9"\n    eol: 2032-06-30\n    extendedSupport: 2034-06-30\n-   releaseCycle: "10"\n    eol: true\n---\n'
const STREAM_MD =
  '---\nreleases:\n-   releaseCycle: "10"\n    eol: 2030-05-31\n-   releaseCycle: "9"\n    eol: 2027-05-31\n-   releaseCycle: "5"\n    eol: 2010-01-01\n---\n'
const WINDOWS_MD = `---
releases:
  - releaseCycle: "2028"
    eoas: 2033-11-14
    eol: 2038-11-09
  - releaseCycle: "2025"
    eoas: 2029-11-13
    eol: 2034-11-14
  - releaseCycle: "23h2-ac"
    eoas: 2026-05-12
    eol: 2026-05-12
  - releaseCycle: "2012-r2"
    eoas: 2018-10-09
    eol: 2023-10-10
    eoes: 2026-10-13
  - releaseCycle: "2008-r2-sp1"
    eoas: 2015-01-13
    eol: 2020-01-14
---
`
const UBUNTU_CSV = `version,codename,series,created,release,eol,eol-server,eol-esm,eol-legacy
22.04 LTS,Jammy Jellyfish,jammy,2021-10-14,2022-04-21,2027-06-01,2027-06-01,2032-04-21,2034-04-25
25.10,Questing Quokka,questing,2025-04-17,2025-10-09,2026-07-09
`

describe(parseEndoflife.name, () => {
  it('reads eol and eoes / extendedSupport; a boolean eol is no date', () => {
    assert.deepEqual(parseEndoflife(RHEL_MD)[0], {
      version: '10',
      eol: '2035-05-31',
      extendedEol: '2039-05-31',
    })
    assert.deepEqual(parseEndoflife(OL_MD), [
      { version: '9', eol: '2032-06-30', extendedEol: '2034-06-30' },
      { version: '10', eol: null, extendedEol: null },
    ])
    assert.throws(() => parseEndoflife('no front matter'))
  })

  it('reads Windows Server extended support as eol and ESU as extendedEol, LTSC only', () => {
    assert.deepEqual(parseEndoflife(WINDOWS_MD, REFRESH_SOURCES['windows-server']), [
      { version: '2028', eol: '2038-11-09', extendedEol: null },
      { version: '2025', eol: '2034-11-14', extendedEol: null },
      { version: '2012-r2', eol: '2023-10-10', extendedEol: '2026-10-13' },
    ])
  })
})

describe(parseDistroInfo.name, () => {
  it('uses eol-server and eol-esm for Ubuntu', () => {
    assert.deepEqual(parseDistroInfo(UBUNTU_CSV, 'ubuntu'), [
      { version: '22.04', eol: '2027-06-01', extendedEol: '2032-04-21' },
      { version: '25.10', eol: '2026-07-09', extendedEol: null },
    ])
  })
})

describe(refreshOsEol.name, () => {
  const shipped = readFileSync(DEFAULT_OS_EOL_FILE, 'utf8')

  it('flags uncertain releases the source dates, skips long-ended ones, keeps comments', () => {
    const sources = { 'centos-stream': parseEndoflife(STREAM_MD), rhel: parseEndoflife(RHEL_MD) }
    const { text, changes } = refreshOsEol(shipped, sources, '2026-12-02')
    assert.deepEqual(changes, [
      'centos-stream 10: review: the source now dates it, the file marks it uncertain',
      'centos-stream 9: review: the source now dates it, the file marks it uncertain',
    ])
    assert.ok(text.startsWith('# End of support of the operating systems'))
    const data = OsEolFile.parse(parse(text))
    const stream = data.products.find((p) => p.distro === 'centos-stream')!
    assert.equal(stream.retrieved, '2026-12-02')
    assert.equal(stream.releases.find((r) => r.version === '10')?.uncertain, true)
    assert.equal(
      stream.releases.some((r) => r.version === '5'),
      false,
    )
    const rhel = data.products.find((p) => p.distro === 'rhel')!
    assert.equal(
      rhel.releases.some((r) => r.version === '4'),
      false,
    )
  })

  it('changes dates, adds new releases in order and leaves other products alone', () => {
    const md = RHEL_MD.replace('eol: 2032-05-31', 'eol: 2032-06-30').replace('"10"', '"11"')
    const { text, changes } = refreshOsEol(shipped, { rhel: parseEndoflife(md) }, '2026-12-02')
    assert.deepEqual(changes, [
      'rhel 11: added (eol 2035-05-31, extended 2039-05-31)',
      'rhel 9: eol 2032-05-31 → 2032-06-30',
    ])
    assert.match(
      text,
      /"10", eol: "2035-05-31", extendedEol: "2039-05-31" \}\n {6}- \{ version: "11", eol: "2035-05-31", extendedEol: "2039-05-31" \}/,
    )
    const before = shipped.slice(shipped.indexOf('  - distro: openeuler'))
    assert.ok(text.endsWith(before), 'hand-curated products are unchanged')
  })

  it('adds a Windows Server release in order and writes an unknown date as null', () => {
    const win = parseEndoflife(WINDOWS_MD, REFRESH_SOURCES['windows-server'])
    const rhel = [{ version: '12', eol: null, extendedEol: null }]
    const { text, changes } = refreshOsEol(shipped, { 'windows-server': win, rhel }, '2026-12-02')
    assert.deepEqual(changes, [
      'rhel 12: added (eol null, extended null)',
      'windows-server 2028: added (eol 2038-11-09, extended null)',
    ])
    assert.match(text, /- \{ version: "12", eol: null, uncertain: true \}/)
    assert.match(
      text,
      /"2025", eol: "2034-11-14", note: "mainstream ends 2029-11-13" \}\n {6}- \{ version: "2028", eol: "2038-11-09" \}/,
    )
    assert.doesNotThrow(() => OsEolFile.parse(parse(text)))
  })

  it('is a no-op without sources', () => {
    assert.equal(refreshOsEol(shipped, {}, '2026-12-01').text, shipped)
  })
})
