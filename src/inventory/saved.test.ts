import assert from 'node:assert/strict'
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import { Inventory } from './inventory.ts'
import {
  parseSavedInventory,
  readSavedInventory,
  type SavedScan,
  type ScopeInventory,
  serializeInventory,
  V1_CLOUD,
} from './saved.ts'
import { accountScope, type ScopeRef } from './scope.ts'

const project = {
  type: 'project' as const,
  id: 'p1',
  name: 'eu-de',
  region: 'eu-de',
  domainId: 'd1',
}
const SCOPE: ScopeRef = {
  cloud: 'otc',
  region: 'eu-de',
  projectId: 'p1',
  projectName: 'eu-de',
  kind: 'project',
}
const AUTH = 'http://127.0.0.1:1/identity/v3'

function scan(...scopes: ScopeInventory[]): SavedScan {
  return {
    tool: { name: 'sphere', version: '0.1.0' },
    collectedAt: '2026-11-01T00:00:00.000Z',
    scopes,
  }
}
const one = (s: Partial<ScopeInventory> = {}): ScopeInventory => ({
  scope: SCOPE,
  authUrl: AUTH,
  input: { resources: [project], collected: ['project'] },
  ...s,
})

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
  it('round-trips every scope: resources with their tags, issues and unavailable types', () => {
    const user = { type: 'iam.user' as const, id: 'u1', name: 'alice', region: 'global' }
    const tagged = { ...project, id: 'p2', tags: { env: 'test', owner: '' } }
    const account = accountScope('otc', { id: 'd1', name: 'OTC0001' })
    const text = serializeInventory(
      scan(
        one({
          input: {
            resources: [project, tagged],
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
        }),
        {
          scope: account,
          authUrl: AUTH,
          input: { resources: [user as never], collected: ['iam.user'] },
        },
      ),
    )
    const read = parseSavedInventory(text, 'inv.json')
    assert.equal(read.collectedAt, '2026-11-01T00:00:00.000Z')
    assert.deepEqual(
      read.scopes.map((s) => s.scope),
      [SCOPE, account],
    )
    const inv = new Inventory(read.scopes[0]!.input)
    assert.equal(inv.status('ecs.server'), 'incomplete')
    assert.equal(inv.status('cbr.vault'), 'unavailable')
    assert.equal(inv.byId('project', 'p1')?.name, 'eu-de')
    assert.deepEqual(inv.byId('project', 'p2')?.tags, { env: 'test', owner: '' })
    assert.equal(new Inventory(read.scopes[1]!.input).byId('iam.user', 'u1')?.name, 'alice')
  })

  it('keeps the API versions that served, per scope', () => {
    const read = parseSavedInventory(
      serializeInventory(scan(one({ apiVersions: { ces: 'v1', volume: 'v2' } }))),
      'inv.json',
    )
    assert.deepEqual(read.scopes[0]!.apiVersions, { ces: 'v1', volume: 'v2' })
    assert.equal('apiVersions' in JSON.parse(serializeInventory(scan(one()))).scopes[0], false)
  })

  it('reads a version 1 file (one project, before scopes) as one scope', () => {
    const v1 = {
      schemaVersion: 1,
      kind: 'sphere-inventory',
      tool: { name: 'sphere', version: '0.1.0' },
      collectedAt: '2026-11-01T00:00:00.000Z',
      cloud: { authUrl: 'http://u:Pa55-word@127.0.0.1:1/v3', region: 'eu-de', projectId: 'p1' },
      apiVersions: { ces: 'v2' },
      collected: ['project'],
      resources: [{ type: 'project', id: 'p1', name: 'eu-de_prod', region: 'eu-de' }],
      issues: [],
      unavailable: [],
    }
    const read = parseSavedInventory(JSON.stringify(v1), 'old.json')
    assert.equal(read.scopes.length, 1)
    assert.deepEqual(read.scopes[0]!.scope, {
      cloud: V1_CLOUD,
      region: 'eu-de',
      projectId: 'p1',
      projectName: 'eu-de_prod',
      kind: 'project',
    })
    assert.equal(read.scopes[0]!.authUrl, 'http://127.0.0.1:1/v3')
    assert.deepEqual(read.scopes[0]!.apiVersions, { ces: 'v2' })
  })

  it('refuses an unknown schema version with a clear message', () => {
    const e = errorOf(JSON.stringify({ schemaVersion: 7, kind: 'sphere-inventory' }))
    assert.match(
      e.message,
      /inv\.json: schemaVersion: unknown inventory schema version 7; this sphere reads versions 1 and 2/,
    )
  })

  it('names the path of a malformed resource and rejects non-JSON', () => {
    const doc = JSON.parse(serializeInventory(scan(one())))
    doc.scopes[0].resources[0].type = 'ecs.toaster'
    assert.match(
      errorOf(JSON.stringify(doc)).message,
      /inv\.json: scopes\[0\]\.resources\[0\]\.type: /,
    )
    assert.match(errorOf('{oops').message, /inv\.json: \(top level\): not JSON/)
  })

  it('never writes or reads back a password in an auth URL', () => {
    const text = serializeInventory(scan(one({ authUrl: 'http://u:Pa55-word@127.0.0.1:1/v3' })))
    assert.doesNotMatch(text, /Pa55-word/)
    assert.equal(JSON.parse(text).scopes[0].authUrl, 'http://127.0.0.1:1/v3')
    const old = text.replace('http://127.0.0.1:1/v3', 'http://u:Pa55-word@127.0.0.1:1/v3')
    assert.equal(parseSavedInventory(old, 'inv.json').scopes[0]!.authUrl, 'http://127.0.0.1:1/v3')
  })
})

describe(readSavedInventory.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-saved-'))
  it('reads a file, and names a missing one', () => {
    const file = join(dir, 'inv.json')
    writeFileSync(file, serializeInventory(scan(one())))
    assert.equal(readSavedInventory(file).scopes[0]!.scope.projectId, 'p1')
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
