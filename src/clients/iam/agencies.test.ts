import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { listAgencies } from './agencies.ts'
import { iamAgenciesSample } from './fixtures.ts'

describe(listAgencies.name, () => {
  it('sends the required domain_id, defaulting to the client’s domain', async () => {
    const c = fakeClient([iamAgenciesSample, iamAgenciesSample], { domainId: 'd-42' })
    assert.equal((await listAgencies(c))[0]?.name, 'exampleagency')
    await listAgencies(c, { domain_id: 'd-7', name: 'x' })
    assert.deepEqual(
      c.calls.map((r) => r.query),
      [{ domain_id: 'd-42' }, { domain_id: 'd-7', name: 'x' }],
    )
    assert.equal(c.calls[0]?.path, '/v3.0/OS-AGENCY/agencies')
    assert.equal(c.calls[0]?.scope, 'domain')
  })
})
