import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { aptSources, parseAptSimulate } from './parse-apt.ts'

describe(parseAptSimulate.name, () => {
  it('reads Inst lines: security origins, several origins, new packages, trailing []', () => {
    const { updates, unparsed } = parseAptSimulate(
      [
        'Inst perl-base [5.36.0-7+deb12u3] (5.36.0-7+deb12u4 Debian-Security:12/oldstable-security [amd64])',
        'Inst libgcrypt20-dev [1.10.1-3] (1.10.1-3+deb12u1 Debian:12.15/oldstable, Debian-Security:12/oldstable-security [amd64]) []',
        'Inst linux-image-6.1.0-29-amd64 (6.1.123-1 Debian-Security:12/stable-security [amd64])',
        'Inst libssl3 [3.0.2-0ubuntu1.15] (3.0.2-0ubuntu1.18 Ubuntu:22.04/jammy-updates, Ubuntu:22.04/jammy-security [amd64])',
        'Inst tzdata [2024a-0+deb12u1] (2025a-0+deb12u1 Debian:12.10/stable-updates [all])',
        'Inst vim [2:9.0] (2:9.1 Ubuntu:24.04/noble-updates [amd64])',
        'Conf perl-base (5.36.0-7+deb12u4 Debian-Security:12/oldstable-security [amd64])',
        'Inst broken line',
      ].join('\n'),
    )
    assert.deepEqual(
      updates.map((u) => [u.name, u.installed, u.candidate, u.security]),
      [
        ['perl-base', '5.36.0-7+deb12u3', '5.36.0-7+deb12u4', true],
        ['libgcrypt20-dev', '1.10.1-3', '1.10.1-3+deb12u1', true],
        ['linux-image-6.1.0-29-amd64', null, '6.1.123-1', true],
        ['libssl3', '3.0.2-0ubuntu1.15', '3.0.2-0ubuntu1.18', true],
        ['tzdata', '2024a-0+deb12u1', '2025a-0+deb12u1', false],
        ['vim', '2:9.0', '2:9.1', false],
      ],
    )
    assert.deepEqual(unparsed, ['Inst broken line'])
  })
})

describe(aptSources.name, () => {
  const all = (site: string, release: string, file: string) =>
    `Filename: ${file}\nRelease: ${release}\nSite: ${site}\nTarget-Of: deb\n`
  it('marks never-fetched sources and [trusted=yes] ones', () => {
    const targets = [
      all('http://deb.debian.org/debian-security', 'bookworm-security', '/l/sec_Packages'),
      all('http://mirror.local/debian', 'bookworm', '/l/local_Packages'),
    ].join('\n')
    const fetched = 'Filename: /l/sec_Packages.lz4\nLabel: Debian-Security\nTrusted: yes\n'
    const sources =
      '==> /etc/apt/sources.list <==\ndeb [arch=amd64 trusted=yes] http://mirror.local/debian/ bookworm main\n'
    const got = aptSources(targets, fetched, sources)
    assert.deepEqual(
      got.map((s) => [s.uri, s.security, s.fetched, s.signed]),
      [
        ['http://deb.debian.org/debian-security', true, true, true],
        ['http://mirror.local/debian', false, false, false],
      ],
    )
  })
})
