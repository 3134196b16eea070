import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import { Inventory } from './inventory.ts'
import { parseSavedInventory, serializeInventory } from './saved.ts'

const meta = {
  tool: { name: 'sphere', version: '0.1.0' },
  collectedAt: '2026-11-01T00:00:00.000Z',
  cloud: { authUrl: 'http://127.0.0.1:1/identity/v3', region: 'eu-de', projectId: 'p1' },
}
const project = {
  type: 'project' as const,
  id: 'p1',
  name: 'eu-de',
  region: 'eu-de',
  domainId: 'd1',
  raw: { secret: 'x' },
}

function errorOf(text: string): InputError {
  try {
    parseSavedInventory(text, 'inv.json')
  } catch (err) {
    assert.ok(err instanceof InputError)
    return err
  }
  assert.fail('expected a rejection')
}

describe('saved inventory', () => {
  it('round-trips resources, issues and unavailable types, without raw wire data', () => {
    const text = serializeInventory(
      {
        resources: [project],
        collected: ['project', 'cbr.vault', 'ecs.server'],
        issues: [
          {
            service: 'compute',
            resourceType: 'ecs.server',
            region: 'eu-de',
            errorKind: 'forbidden',
            message: '403',
          },
        ],
        unavailable: [{ resourceType: 'cbr.vault', service: 'cbr', reason: 'not in catalog' }],
      },
      meta,
    )
    assert.doesNotMatch(text, /secret/)
    const { input, meta: m } = parseSavedInventory(text, 'inv.json')
    assert.deepEqual(m, meta)
    const inv = new Inventory(input)
    assert.equal(inv.status('ecs.server'), 'incomplete')
    assert.equal(inv.status('cbr.vault'), 'unavailable')
    assert.equal(inv.byId('project', 'p1')?.name, 'eu-de')
  })

  it('keeps the API versions that served; files without them still read', () => {
    const input = { resources: [project], collected: ['project' as const] }
    const withVersions = { ...meta, apiVersions: { ces: 'v1', volume: 'v2' } }
    const read = parseSavedInventory(serializeInventory(input, withVersions), 'inv.json')
    assert.deepEqual(read.meta, withVersions)
    const old = JSON.parse(serializeInventory(input, meta))
    assert.equal('apiVersions' in old, false)
    assert.deepEqual(parseSavedInventory(JSON.stringify(old), 'old.json').meta, meta)
  })

  it('refuses an unknown schema version with a clear message', () => {
    const e = errorOf(JSON.stringify({ schemaVersion: 7, kind: 'sphere-inventory' }))
    assert.match(
      e.message,
      /inv\.json: schemaVersion: unknown inventory schema version 7; this sphere reads version 1/,
    )
  })

  it('names the path of a malformed resource and rejects non-JSON', () => {
    const doc = JSON.parse(
      serializeInventory({ resources: [project], collected: ['project'] }, meta),
    )
    doc.resources[0].type = 'ecs.toaster'
    assert.match(errorOf(JSON.stringify(doc)).message, /inv\.json: resources\[0\]\.type: /)
    assert.match(errorOf('{oops').message, /inv\.json: \(top level\): not JSON/)
  })
})
