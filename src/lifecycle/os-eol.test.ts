import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import {
  defaultOsLifecycle,
  lifecycleDates,
  loadOsLifecycle,
  releaseLabel,
  supportPhase,
} from './os-eol.ts'

const REQUIRED = [
  'debian',
  'ubuntu',
  'rhel',
  'rocky',
  'almalinux',
  'sles',
  'opensuse-leap',
  'openeuler',
  'euleros',
  'centos',
  'centos-stream',
  'ol',
  'fedora',
  'hce',
  'windows-server',
  'fedora-coreos',
]

function tmpFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'os-eol-')), 'os-eol.yaml')
  writeFileSync(file, text)
  return file
}

describe(loadOsLifecycle.name, () => {
  it('loads the shipped file with a source and retrieval date for every product', () => {
    const data = defaultOsLifecycle().data
    for (const d of REQUIRED) {
      const p = data.products.find((x) => x.distro === d)
      assert.ok(p, `missing ${d}`)
      assert.match(p.retrieved, /^\d{4}-\d{2}-\d{2}$/)
      assert.ok(p.source.length > 0)
    }
  })

  it('names the file and path of a bad entry', () => {
    const file = tmpFile(
      'products:\n  - { distro: x, name: X, source: s, url: null, retrieved: "2026-01-01", standard: s,\n      releases: [{ version: "1", eol: null }] }\n',
    )
    assert.throws(
      () => loadOsLifecycle(file),
      (e: unknown) =>
        e instanceof InputError &&
        e.issues.some((i) => i.path === 'products[0].releases[0].uncertain'),
    )
  })

  it('wants releases for a dated product and none for a rolling one', () => {
    const file = tmpFile(
      'products:\n  - { distro: x, name: X, source: s, url: null, retrieved: "2026-01-01", standard: s, releases: [] }\n  - { distro: y, name: Y, source: s, url: null, retrieved: "2026-01-01", standard: s, rolling: true,\n      releases: [{ version: "1", eol: "2030-01-01" }] }\n',
    )
    assert.throws(
      () => loadOsLifecycle(file),
      (e: unknown) =>
        e instanceof InputError &&
        e.issues.map((i) => i.path).join() === 'products[0].releases,products[1].releases',
    )
  })

  it('names a version it cannot read', () => {
    const file = tmpFile(
      'products:\n  - { distro: x, name: X, source: s, url: null, retrieved: "2026-01-01", standard: s,\n      releases: [{ version: "2012 R2", eol: "2018-10-09" }] }\n',
    )
    assert.throws(() => loadOsLifecycle(file), /releases\[0\]\.version.*2012-r2/s)
  })

  it('reads unquoted dates as strings (YAML 1.2)', () => {
    const file = tmpFile(
      'products:\n  - { distro: x, name: X, source: s, url: null, retrieved: 2026-01-01, standard: s,\n      releases: [{ version: "1", eol: "2020-01-01" }] }\n',
    )
    assert.doesNotThrow(() => loadOsLifecycle(file))
  })
})

describe('OsLifecycle.lookup', () => {
  const eol = defaultOsLifecycle()
  it('matches exact versions and falls back to shorter ones', () => {
    assert.equal(eol.lookup({ distro: 'ubuntu', version: '22.04' })?.eol, '2027-06-01')
    assert.equal(eol.lookup({ distro: 'centos', version: '7.9' })?.version, '7')
    assert.equal(eol.lookup({ distro: 'debian', version: '12.0.0' })?.version, '12')
    assert.equal(eol.lookup({ distro: 'openeuler', version: '22.03-sp3' })?.eol, '2025-12-31')
    assert.equal(eol.lookup({ distro: 'openeuler', version: '22.03-sp9' })?.version, '22.03')
    assert.equal(eol.lookup({ distro: 'sles', version: '15.5' })?.extendedEol, '2027-12-31')
  })
  it('has Windows Server extended support (security updates) as eol and paid ESU as extendedEol', () => {
    const w2025 = eol.lookup({ distro: 'windows-server', version: '2025' })!
    assert.deepEqual([w2025.eol, w2025.extendedEol], ['2034-11-14', null])
    assert.match(w2025.extended ?? '', /ESU, paid/)
    const w12 = eol.lookup({ distro: 'windows-server', version: '2012-r2' })!
    assert.deepEqual(
      [w12.version, w12.eol, w12.extendedEol],
      ['2012-r2', '2023-10-10', '2026-10-13'],
    )
    assert.equal(eol.lookup({ distro: 'windows-server', version: '2019' })?.eol, '2029-01-09')
  })
  it('matches any version of a rolling product, without dates', () => {
    const fcos = eol.lookup({ distro: 'fedora-coreos', version: '39' })!
    assert.deepEqual([fcos.version, fcos.rolling, fcos.eol], ['39', true, null])
    assert.equal(eol.lookup({ distro: 'fedora-coreos', version: 'rolling' })?.rolling, true)
    assert.equal(eol.lookup({ distro: 'fedora', version: '39' })?.rolling, false)
  })
  it('returns null for unknown releases', () => {
    assert.equal(eol.lookup({ distro: 'ubuntu', version: '19.10' }), null)
    assert.equal(eol.lookup({ distro: 'windows-server', version: '1809' }), null)
    assert.equal(eol.lookup({ distro: 'plan9', version: '4' }), null)
  })
})

describe(supportPhase.name, () => {
  const deb12 = defaultOsLifecycle().lookup({ distro: 'debian', version: '12' })!
  it('tells standard, extended and ended support apart', () => {
    assert.equal(supportPhase(deb12, new Date('2026-07-11T23:00:00Z')), 'standard')
    assert.equal(supportPhase(deb12, new Date('2026-07-12T00:00:00Z')), 'extended')
    assert.equal(supportPhase(deb12, new Date('2028-07-01T00:00:00Z')), 'ended')
  })
  it('keeps Windows Server in its standard phase past mainstream, until security updates end', () => {
    const w2022 = defaultOsLifecycle().lookup({ distro: 'windows-server', version: '2022' })!
    assert.equal(supportPhase(w2022, new Date('2026-10-14T00:00:00Z')), 'standard')
    assert.equal(supportPhase(w2022, new Date('2031-10-15T00:00:00Z')), 'ended')
    const w12 = defaultOsLifecycle().lookup({ distro: 'windows-server', version: '2012-r2' })!
    assert.equal(supportPhase(w12, new Date('2025-01-01T00:00:00Z')), 'extended')
  })
  it('is rolling for a rolling release, whatever the day', () => {
    const fcos = defaultOsLifecycle().lookup({ distro: 'fedora-coreos', version: '30' })!
    assert.equal(supportPhase(fcos, new Date('2040-01-01T00:00:00Z')), 'rolling')
  })
  it('is unknown without an eol date', () => {
    const euler = defaultOsLifecycle().lookup({ distro: 'euleros', version: '2.5' })!
    assert.equal(supportPhase(euler, new Date()), 'unknown')
  })
  it("ends EulerOS 2.9 on OTC's CCE end of maintenance, 2025-12-31", () => {
    const euler = defaultOsLifecycle().lookup({ distro: 'euleros', version: '2.9' })!
    assert.equal(supportPhase(euler, new Date('2025-12-31T12:00:00Z')), 'standard')
    assert.equal(supportPhase(euler, new Date('2026-01-01T00:00:00Z')), 'ended')
  })
})

describe(lifecycleDates.name, () => {
  it("names a release's end dates and where they come from", () => {
    const r = { eol: '2024-06-30', extendedEol: null, source: 'https://endoflife.date/centos' }
    assert.deepEqual(lifecycleDates(r), {
      eol: '2024-06-30',
      extendedEol: null,
      lifecycleSource: 'https://endoflife.date/centos',
    })
  })
})

describe(releaseLabel.name, () => {
  it('writes R2 and service packs as people do', () => {
    const eol = defaultOsLifecycle()
    const label = (distro: string, version: string) =>
      releaseLabel(eol.lookup({ distro, version })!)
    assert.equal(label('windows-server', '2012-r2'), 'Microsoft Windows Server 2012 R2')
    assert.equal(label('openeuler', '22.03-sp3'), 'openEuler 22.03 SP3')
    assert.equal(label('ubuntu', '24.04'), 'Ubuntu 24.04')
  })
})
