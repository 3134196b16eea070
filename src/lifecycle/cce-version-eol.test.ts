import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import {
  defaultCceVersionLifecycle,
  kubernetesMinor,
  loadCceVersionLifecycle,
} from './cce-version-eol.ts'

describe('CCE Kubernetes version lifecycle data', () => {
  const data = defaultCceVersionLifecycle()

  it("has OTC's Kubernetes Version Policy months (otc-api-platform.md §4.3) as last days", () => {
    assert.equal(data.lookup('v1.33.1-r0')?.eos, '2028-03-31')
    assert.equal(data.lookup('v1.30.4-r0')?.eos, '2026-11-30')
    assert.equal(data.lookup('v1.29.2-r1')?.eos, '2026-06-30')
    assert.equal(data.lookup('v1.28.3-r0')?.eos, '2025-10-31')
    assert.equal(data.lookup('v1.25.6-r0')?.eos, '2025-02-28')
    assert.equal(data.lookup('v1.17.9-r0')?.eos, '2023-01-31')
    assert.equal(data.lookup('v1.9.10-r2')?.eos, '2020-12-31')
    assert.equal(data.lookup('v1.31.0-r0')?.verified, true)
    assert.match(data.lookup('v1.31.0-r0')!.source, /kubernetes_version_policy\.rst/)
  })

  it('marks the derived date of versions older than the table as unverified', () => {
    assert.equal(data.lookup('v1.7.3-r10')?.verified, false)
  })

  it('knows nothing of versions CCE never offered or not yet published', () => {
    assert.equal(data.lookup('v1.26.1-r0'), undefined)
    assert.equal(data.lookup('v1.40.0-r0'), undefined)
    assert.equal(data.lookup('latest'), undefined)
  })

  it('reads the minor version from the forms CCE and people write', () => {
    assert.equal(kubernetesMinor('v1.30.4-r0'), '1.30')
    assert.equal(kubernetesMinor('v1.7.3-r10'), '1.7')
    assert.equal(kubernetesMinor('1.29'), '1.29')
    assert.equal(kubernetesMinor('V1.25'), '1.25')
    assert.equal(kubernetesMinor('cce.1.5'), null)
    assert.equal(kubernetesMinor(''), null)
  })

  it('rejects a file with a repeated version, naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cce-eol-'))
    const file = join(dir, 'bad.yaml')
    writeFileSync(
      file,
      'source: x\nurl: null\nretrieved: "2026-01-01"\nversions:\n  - { version: "1.30", eos: "2026-11-30", verified: true }\n  - { version: "1.30", eos: "2026-11-30", verified: true }\n',
    )
    assert.throws(
      () => loadCceVersionLifecycle(file),
      (e: unknown) => e instanceof InputError && /versions\[1\]\.version/.test(e.message),
    )
  })
})
