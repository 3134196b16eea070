import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import { COMPLIANCE_DATA_DIR, loadCompliance } from './load.ts'

const dirs: string[] = []
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Copies the shipped data and applies `edit` to one file. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-compliance-'))
  dirs.push(dir)
  cpSync(COMPLIANCE_DATA_DIR, dir, { recursive: true })
  const p = join(dir, file)
  const before = readFileSync(p, 'utf8')
  const after = edit(before)
  assert.notEqual(after, before, 'the edit changed the file')
  writeFileSync(p, after)
  return dir
}

function loadError(dir: string, known = {}): string {
  try {
    loadCompliance(dir, known)
  } catch (err) {
    assert.ok(err instanceof InputError, String(err))
    return err.message
  }
  assert.fail('expected the data to be rejected')
}

describe(loadCompliance.name, () => {
  it('loads the shipped frameworks and attestations', () => {
    const d = loadCompliance()
    assert.deepEqual(
      d.frameworks.map((f) => [f.id, f.criteria.length]),
      [
        ['c5-2020', 121],
        ['ccm-v4', 197],
      ],
    )
    assert.ok(d.attestations.some((a) => a.id === 'otc-c5'))
  })

  it('names file, path and expectation when a domain count disagrees', () => {
    const m = loadError(
      brokenCopy('c5-2020.yaml', (t) =>
        t.replace(
          '{ id: OPS, title: "Operations", count: 24 }',
          '{ id: OPS, title: "Operations", count: 25 }',
        ),
      ),
    )
    assert.match(
      m,
      /c5-2020\.yaml: framework\.domains\[5\]\.count: domain OPS declares 25 entries but 24 are listed/,
    )
  })

  it('rejects an unknown attestation, naming the valid ones', () => {
    const m = loadError(
      brokenCopy('ccm-v4.yaml', (t) =>
        t.replace('attestations: [csa-star-2, otc-c5, iso-22301]', 'attestations: [csa-star-9]'),
      ),
    )
    assert.match(
      m,
      /ccm-v4\.yaml: criteria\[\d+\]\.provider\.attestations\[0\]: unknown attestation "csa-star-9"; expected one of: otc-c5/,
    )
  })

  it('requires a customer part where a model gives the customer a share', () => {
    const m = loadError(
      brokenCopy('c5-2020.yaml', (t) =>
        t.replace(
          /( {2}- id: PS-01\n {4}domain: PS\n {4}title: "[^"]+"\n {4}owner: \{ iaas: )provider/,
          '$1shared',
        ),
      ),
    )
    assert.match(m, /c5-2020\.yaml: criteria\[22\]\.customer: missing: the customer has a share/)
  })

  it('rejects a duplicate id and an id outside its domain', () => {
    const m = loadError(
      brokenCopy('c5-2020.yaml', (t) =>
        t
          .replace('  - id: OIS-02\n', '  - id: OIS-01\n')
          .replace('  - id: SP-01\n', '  - id: HR-07\n'),
      ),
    )
    assert.match(m, /criteria\[1\]\.id: duplicate id "OIS-01"/)
    assert.match(m, /criteria\[7\]\.id: expected an id of domain SP, like SP-01/)
  })

  it('rejects an id of the wrong shape (schema)', () => {
    const m = loadError(
      brokenCopy('c5-2020.yaml', (t) => t.replace('  - id: SP-02\n', '  - id: sp-2\n')),
    )
    assert.match(m, /c5-2020\.yaml: criteria\[8\]\.id: expected an id like OPS-06 or A&A-01/)
  })

  it('checks duties and checks against the ids it is given', () => {
    const m = loadError(COMPLIANCE_DATA_DIR, {
      duties: new Set(['monitoring']),
      checks: new Set(['x']),
    })
    assert.match(
      m,
      /customer\.duties\[0\]: unknown duty "backup-restore"; expected one of: monitoring/,
    )
    assert.match(m, /customer\.checks\[0\]: unknown check "ces-server-alarm"/)
  })

  it('rejects a file whose framework id is not the registered one', () => {
    const m = loadError(
      brokenCopy('ccm-v4.yaml', (t) => t.replace('  id: ccm-v4\n', '  id: ccm-v5\n')),
    )
    assert.match(m, /ccm-v4\.yaml: framework\.id: expected "ccm-v4"/)
  })
})
