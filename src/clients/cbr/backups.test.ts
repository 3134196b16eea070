import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { fakeClient, pagesOf } from '../testing/fake-client.ts'
import { listBackups } from './backups.ts'
import { backupWire } from './fixtures.ts'

const def = OPS['cbr.ListBackups']

describe(listBackups.name, () => {
  it('pages by offset until the total is reached, filters on every request', async () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((n) => backupWire({ name: n }))
    const c = fakeClient(pagesOf(def, items, 2))
    const got = await listBackups(c, {
      limit: 2,
      vault_id: 'v-1',
      resource_type: 'OS::Nova::Server',
    })
    assert.equal(got.length, 5)
    assert.equal(new Set(got.map((x) => x.id)).size, 5)
    assert.deepEqual(
      c.calls.map((r) => r.query),
      [0, 2, 4].map((offset) => ({
        vault_id: 'v-1',
        resource_type: 'OS::Nova::Server',
        limit: 2,
        offset,
      })),
    )
    assert.ok(c.calls.every((r) => r.path === '/v3/{project_id}/backups' && r.scope === 'project'))
  })

  it('stops on a full last page when the total says so, asking 1000 per page by default', async () => {
    const items = ['a', 'b'].map((n) => backupWire({ name: n }))
    const c = fakeClient(pagesOf(def, items, 2))
    await listBackups(c)
    assert.equal(c.calls.length, 1)
    assert.equal(c.calls[0]?.query?.limit, 1000)
  })
})
