import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { securityGroupWire } from './fixtures.ts'
import { listSecurityGroups } from './security-groups.ts'

describe(listSecurityGroups.name, () => {
  it('follows security_groups_links to the last page with the filters on the first request', async () => {
    const items = ['a', 'b', 'c'].map((n) => securityGroupWire({ name: n }))
    const c = fakeClient(pagesOf(OPS['network.ListSecurityGroups'], items, 2))
    const got = await listSecurityGroups(c, { limit: 2, name: 'web' })
    assert.deepEqual(
      got.map((x) => x.id),
      items.map((x) => x.id),
    )
    assert.equal(c.calls.length, 2)
    assert.equal(c.calls[0]?.path, '/v2.0/security-groups')
    assert.deepEqual(c.calls[0]?.query, { name: 'web', limit: 2 })
    assert.equal(
      c.calls[1]?.path,
      `${FAKE_ENDPOINT}/v2.0/security-groups?limit=2&marker=${items[1]?.id}`,
    )
    assert.ok(
      c.calls.every((r) => r.scope === 'project' && r.op === OPS['network.ListSecurityGroups'].op),
    )
  })

  it('asks for 2000 per page by default', async () => {
    const c = fakeClient(pagesOf(OPS['network.ListSecurityGroups'], [], 1))
    assert.deepEqual(await listSecurityGroups(c), [])
    assert.equal(c.calls[0]?.query?.limit, 2000)
  })
})
