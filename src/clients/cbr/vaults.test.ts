import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { fakeClient, pagesOf } from '../testing/fake-client.ts'
import { vaultWire } from './fixtures.ts'
import { listVaults } from './vaults.ts'

const def = OPS['cbr.ListVaults']

describe(listVaults.name, () => {
  it('pages by offset until the total is reached, filters on every request', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((n) => vaultWire({ name: n }))
    const c = fakeClient(pagesOf(def, items, 2))
    const got = await listVaults(c, { limit: 2, object_type: 'server' })
    assert.equal(got.length, 5)
    assert.equal(new Set(got.map((x) => x.id)).size, 5)
    assert.deepEqual(
      c.calls.map((r) => r.query),
      [0, 2, 4].map((offset) => ({ object_type: 'server', limit: 2, offset })),
    )
    assert.ok(c.calls.every((r) => r.path === '/v3/{project_id}/vaults' && r.scope === 'project'))
  })

  it('stops on a full last page when the total says so, asking 1000 per page by default', async () => {
    const items = ['a', 'b'].map((n) => vaultWire({ name: n }))
    const c = fakeClient(pagesOf(def, items, 2))
    await listVaults(c)
    assert.equal(c.calls.length, 1)
    assert.equal(c.calls[0]?.query?.limit, 1000)
  })
})
