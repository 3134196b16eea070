import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { cbrPoliciesSample } from './fixtures.ts'
import { listPolicies } from './policies.ts'

describe(listPolicies.name, () => {
  it('reads all policies in one unpaged request with the filters', async () => {
    const c = fakeClient([cbrPoliciesSample])
    const got = await listPolicies(c, { operation_type: 'backup' })
    assert.equal(got[0]?.name, 'policy001')
    assert.equal(c.calls.length, 1)
    assert.equal(c.calls[0]?.path, '/v3/{project_id}/policies')
    assert.deepEqual(c.calls[0]?.query, { operation_type: 'backup' })
    assert.equal(c.calls[0]?.scope, 'project')
  })
})
