import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  cachedRepoIds,
  lastUpgrade,
  nevraName,
  parseCheckUpdate,
  parseUpdateinfo,
} from './parse-dnf.ts'

describe(parseUpdateinfo.name, () => {
  it('reads dnf4, yum and dnf5 layouts and skips non-security and headers', () => {
    const got = parseUpdateinfo(
      [
        'RHSA-2024:1234    Important/Sec. openssl-1:3.0.7-25.el9_3.x86_64',
        'HCE2-SA-2022-0006 Critical/Sec.  curl-7.79.1-2.h6.hce2.x86_64',
        'RHBA-2024:1111    bugfix         tzdata-2024a-1.el9.noarch',
        'Name                 Type     Severity Package                  Issued',
        'FEDORA-2024-1a2b3c4d security Moderate curl-8.6.0-7.fc40.x86_64 2024-05-01 01:23:45',
        'updateinfo list done',
      ].join('\n'),
    )
    assert.deepEqual(
      got.map((a) => [a.advisory, nevraName(a.nevra)]),
      [
        ['RHSA-2024:1234', 'openssl'],
        ['HCE2-SA-2022-0006', 'curl'],
        ['FEDORA-2024-1a2b3c4d', 'curl'],
      ],
    )
  })
})

describe(parseCheckUpdate.name, () => {
  it('joins wrapped rows and stops at obsoletes', () => {
    const got = parseCheckUpdate(
      'Last metadata expiration check: 0:10:00 ago.\n\nkernel.x86_64   5.14.0-427.el9   baseos\nvery-long-package-name.noarch\n        1.0-2.el9    appstream\nObsoleting Packages\nold.x86_64 1-1 baseos\n',
    )
    assert.deepEqual(
      got.map((u) => u.name),
      ['kernel', 'very-long-package-name'],
    )
  })
})

describe(lastUpgrade.name, () => {
  it('takes the newest transaction with an upgrade, in the VM time zone', () => {
    const text =
      '  5 | install x  | 2026-05-20 14:02 | Install | 1\n  4 | upgrade    | 2026-04-12 03:00 | Upgrade | 37\n  2 | update a   | 2026-03-01 03:00 | I, U    | 4\n'
    assert.equal(lastUpgrade(text, '+0200'), '2026-04-12T01:00:00.000Z')
    assert.equal(lastUpgrade('  1 | | 2026-01-01 10:00 | Install | 400', '+0000'), null)
  })
})

describe(cachedRepoIds.name, () => {
  it('recognises dnf, yum and zypper cache paths', () => {
    const { ids, newest } = cachedRepoIds(
      '100 /var/cache/dnf/baseos-044cae74d71fe9ea/repodata/repomd.xml\n200 /var/cache/yum/x86_64/7/updates/repomd.xml\n300 /var/cache/zypp/raw/SLE-Updates/repodata/repomd.xml\n',
    )
    assert.deepEqual([...ids], ['baseos', 'updates', 'SLE-Updates'])
    assert.equal(newest, '1970-01-01T00:05:00.000Z')
  })
})
