import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { securityGroupRuleWire } from './fixtures.ts'
import { listSecurityGroupRules } from './security-group-rules.ts'

describe(listSecurityGroupRules.name, () => {
  it('follows security_group_rules_links to the last page with the filters on the first request', async () => {
    const items = ['a', 'b', 'c'].map((n) => securityGroupRuleWire({ description: n }))
    const c = fakeClient(pagesOf(OPS['network.ListSecurityGroupRules'], items, 2))
    const got = await listSecurityGroupRules(c, {
      limit: 2,
      direction: 'ingress',
      security_group_id: 'sg-1',
    })
    assert.deepEqual(
      got.map((x) => x.id),
      items.map((x) => x.id),
    )
    assert.equal(c.calls.length, 2)
    assert.equal(c.calls[0]?.path, '/v2.0/security-group-rules')
    assert.deepEqual(c.calls[0]?.query, {
      direction: 'ingress',
      security_group_id: 'sg-1',
      limit: 2,
    })
    assert.equal(
      c.calls[1]?.path,
      `${FAKE_ENDPOINT}/v2.0/security-group-rules?limit=2&marker=${items[1]?.id}`,
    )
    assert.ok(
      c.calls.every(
        (r) => r.scope === 'project' && r.op === OPS['network.ListSecurityGroupRules'].op,
      ),
    )
  })

  it('asks for 2000 per page by default', async () => {
    const c = fakeClient(pagesOf(OPS['network.ListSecurityGroupRules'], [], 1))
    assert.deepEqual(await listSecurityGroupRules(c), [])
    assert.equal(c.calls[0]?.query?.limit, 2000)
  })
})
