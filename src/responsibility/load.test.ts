import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import { DEFAULT_DATA_DIR, loadResponsibilityModel } from './load.ts'

const dirs: string[] = []
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Copies the shipped data files and applies `edit` to one of them. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-model-'))
  dirs.push(dir)
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true })
  const p = join(dir, file)
  writeFileSync(p, edit(readFileSync(p, 'utf8')))
  return dir
}

function loadError(dir: string): InputError {
  try {
    loadResponsibilityModel(dir)
  } catch (err) {
    assert.ok(err instanceof InputError, String(err))
    return err
  }
  assert.fail('expected the model to be rejected')
}

describe(loadResponsibilityModel.name, () => {
  it('loads the shipped model', () => {
    const m = loadResponsibilityModel()
    assert.match(m.version, /^\d+\.\d+\.\d+$/)
    assert.equal(m.layers[0]?.id, 'facilities')
    assert.deepEqual(
      m.models.map((x) => x.id),
      ['iaas', 'paas', 'saas'],
    )
    const cce = m.services.find((s) => s.id === 'cce')
    assert.equal(cce?.owners['guest-os']?.owner, 'customer')
    assert.equal(cce?.overrides.facilities, undefined)
  })

  it('names the file, line and column of a YAML syntax error', () => {
    const e = loadError(
      brokenCopy('layers.yaml', (t) => t.replace('  - id: images', '  - id: [images')),
    )
    assert.match(e.file, /layers\.yaml$/)
    assert.match(e.message, /layers\.yaml: line \d+, column \d+: YAML syntax/)
  })

  it('names the path of an unknown owner value', () => {
    const e = loadError(
      brokenCopy('models.yaml', (t) =>
        t.replace('guest-os: { owner: customer', 'guest-os: { owner: client'),
      ),
    )
    assert.match(e.message, /models\.yaml: models\[0\]\.owners\.guest-os\.owner: /)
    assert.match(e.message, /provider|customer|shared/)
  })

  it('reports a layer without owner in a model', () => {
    const e = loadError(brokenCopy('models.yaml', (t) => t.replace(/\n {6}images: \{[^\n]*/, '')))
    assert.ok(
      e.issues.some(
        (i) => i.path === 'models[0].owners.images' && /every layer needs an owner/.test(i.message),
      ),
    )
  })

  it('reports a service with an unknown model, listing the models', () => {
    const e = loadError(
      brokenCopy('services.yaml', (t) =>
        t.replace(
          'model: paas\n    description: Managed MySQL',
          'model: dbaas\n    description: Managed MySQL',
        ),
      ),
    )
    assert.match(
      e.message,
      /services\.yaml: services\[9\]\.model: unknown model "dbaas"; expected one of: iaas, paas, saas/,
    )
  })

  it('reports an override that equals the default', () => {
    const e = loadError(
      brokenCopy('services.yaml', (t) =>
        t.replace('virtualisation: { owner: customer', 'virtualisation: { owner: provider'),
      ),
    )
    assert.match(
      e.message,
      /services\[1\]\.overrides\.virtualisation: owner "provider" equals the iaas default/,
    )
  })

  it('reports a duplicate duty id and a missing model owner', () => {
    const dup = loadError(
      brokenCopy('duties.yaml', (t) => t.replace('id: network-access', 'id: resource-combination')),
    )
    assert.ok(
      dup.issues.some(
        (i) => i.path === 'duties[1].id' && /duplicate id "resource-combination"/.test(i.message),
      ),
    )
    const own = loadError(
      brokenCopy('duties.yaml', (t) =>
        t.replace(
          'owner: { iaas: customer, paas: customer, saas: shared }',
          'owner: { iaas: customer, paas: customer }',
        ),
      ),
    )
    assert.ok(own.issues.some((i) => i.path === 'duties[1].owner.saas'))
  })

  it('reports a check listed under two duties', () => {
    const e = loadError(
      brokenCopy('duties.yaml', (t) => {
        let n = 0
        return t.replace(/checks: \[[^\]]*\]/g, (m) =>
          n++ < 2 ? 'checks: [evs-volume-encrypted]' : m,
        )
      }),
    )
    assert.match(e.message, /a check belongs to exactly one duty/)
  })

  it('reports an unknown field and a wrong type with its path', () => {
    const e = loadError(
      brokenCopy('duties.yaml', (t) =>
        t.replace('evidence: [api]\n', 'evidence: api\n    colour: red\n'),
      ),
    )
    assert.ok(e.issues.some((i) => i.path === 'duties[0].evidence'))
    assert.ok(e.issues.some((i) => i.path === 'duties[0]' && /colour/.test(i.message)))
  })

  it('reports a missing file', () => {
    const dir = brokenCopy('layers.yaml', (t) => t)
    rmSync(join(dir, 'services.yaml'))
    assert.match(loadError(dir).message, /services\.yaml: \(top level\): file not found/)
  })
})
