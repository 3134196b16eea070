import assert from 'node:assert/strict'
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import { Inventory } from './inventory.ts'
import { parseSavedInventory, readSavedInventory, serializeInventory } from './saved.ts'

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

  it('never writes or reads back a password in the auth URL', () => {
    const leaky = {
      ...meta,
      cloud: { ...meta.cloud, authUrl: 'http://u:Pa55-word@127.0.0.1:1/v3' },
    }
    const text = serializeInventory({ resources: [project], collected: ['project'] }, leaky)
    assert.doesNotMatch(text, /Pa55-word/)
    assert.equal(JSON.parse(text).cloud.authUrl, 'http://127.0.0.1:1/v3')
    const old = text.replace('http://127.0.0.1:1/v3', 'http://u:Pa55-word@127.0.0.1:1/v3')
    assert.equal(parseSavedInventory(old, 'inv.json').meta.cloud.authUrl, 'http://127.0.0.1:1/v3')
  })
})

describe(readSavedInventory.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-saved-'))
  it('reads a file, and names a missing one', () => {
    const file = join(dir, 'inv.json')
    writeFileSync(file, serializeInventory({ resources: [project], collected: ['project'] }, meta))
    assert.equal(readSavedInventory(file).meta.cloud.projectId, 'p1')
    assert.throws(
      () => readSavedInventory(join(dir, 'nope.json')),
      (e: unknown) =>
        e instanceof InputError && /nope\.json: \(top level\): file not found/.test(e.message),
    )
  })
  it('refuses a file over 512 MiB before reading it', () => {
    const file = join(dir, 'huge.json')
    writeFileSync(file, '')
    truncateSync(file, 600 * 1024 * 1024)
    assert.throws(
      () => readSavedInventory(file),
      (e: unknown) =>
        e instanceof InputError &&
        /file too large: 600 MiB; a saved inventory may be at most 512 MiB/.test(e.message),
    )
  })
})
