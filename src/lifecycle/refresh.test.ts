import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { DEFAULT_OS_EOL_FILE, OsEolFile } from './os-eol.ts'
import { parseDistroInfo, parseEndoflife, refreshOsEol } from './refresh.ts'

const RHEL_MD = `---
title: Red Hat Enterprise Linux
releases:
-   releaseCycle: "10"
    releaseDate: 2025-05-20
    eol: 2035-05-31
    eoes: 2038-05-31
-   releaseCycle: "9"
    eol: 2032-05-31
    eoes: 2035-05-31
-   releaseCycle: "4"
    eol: 2012-02-29
---
body
`
const OL_MD =
  '---\nreleases:\n-   releaseCycle: "9"\n    eol: 2032-06-30\n    extendedSupport: 2034-06-30\n-   releaseCycle: "10"\n    eol: true\n---\n'
const UBUNTU_CSV = `version,codename,series,created,release,eol,eol-server,eol-esm,eol-legacy
22.04 LTS,Jammy Jellyfish,jammy,2021-10-14,2022-04-21,2027-06-01,2027-06-01,2032-04-21,2034-04-25
25.10,Questing Quokka,questing,2025-04-17,2025-10-09,2026-07-09
`

describe(parseEndoflife.name, () => {
  it('reads eol and eoes / extendedSupport; a boolean eol is no date', () => {
    assert.deepEqual(parseEndoflife(RHEL_MD)[0], {
      version: '10',
      eol: '2035-05-31',
      extendedEol: '2038-05-31',
    })
    assert.deepEqual(parseEndoflife(OL_MD), [
      { version: '9', eol: '2032-06-30', extendedEol: '2034-06-30' },
      { version: '10', eol: null, extendedEol: null },
    ])
    assert.throws(() => parseEndoflife('no front matter'))
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
    const { text, changes } = refreshOsEol(shipped, { rhel: parseEndoflife(RHEL_MD) }, '2026-12-01')
    assert.deepEqual(changes, [
      'rhel 10: review: the source now dates it, the file marks it uncertain',
    ])
    assert.ok(text.startsWith('# End of support of Linux distributions'))
    const data = OsEolFile.parse(parse(text))
    const rhel = data.products.find((p) => p.distro === 'rhel')!
    assert.equal(rhel.retrieved, '2026-12-01')
    assert.equal(rhel.releases.find((r) => r.version === '10')?.uncertain, true)
    assert.equal(
      rhel.releases.some((r) => r.version === '4'),
      false,
    )
  })

  it('changes dates, adds new releases and leaves other products alone', () => {
    const md = RHEL_MD.replace('eol: 2032-05-31', 'eol: 2032-06-30').replace('"10"', '"11"')
    const { text, changes } = refreshOsEol(shipped, { rhel: parseEndoflife(md) }, '2026-12-01')
    assert.deepEqual(changes, [
      'rhel 11: added (eol 2035-05-31, extended 2038-05-31)',
      'rhel 9: eol 2032-05-31 → 2032-06-30',
    ])
    assert.match(text, /- \{ version: "11", eol: "2035-05-31", extendedEol: "2038-05-31" \}/)
    const before = shipped.slice(shipped.indexOf('  - distro: openeuler'))
    assert.ok(text.endsWith(before), 'hand-curated products are unchanged')
  })

  it('is a no-op without sources', () => {
    assert.equal(refreshOsEol(shipped, {}, '2026-12-01').text, shipped)
  })
})
