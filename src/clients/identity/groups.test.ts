import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { groupWire, keystoneGroupsSample, keystoneUsersSample } from './fixtures.ts'
import { listGroups, listGroupUsers } from './groups.ts'

describe(listGroups.name, () => {
  it('finds groups by name with a domain-scoped token', async () => {
    const c = fakeClient([keystoneGroupsSample])
    const got = await listGroups(c, { name: 'group123' })
    assert.equal(got[0]?.id, 'ff74abaeabe34c278a4b7693c7f0dff7')
    assert.equal(c.calls[0]?.path, '/v3/groups')
    assert.deepEqual(c.calls[0]?.query, { name: 'group123' })
    assert.equal(c.calls[0]?.scope, 'domain')
  })
})

describe(listGroupUsers.name, () => {
  it('lists the members of one group', async () => {
    const admin = groupWire({ name: 'admin' })
    const c = fakeClient([keystoneUsersSample])
    const got = await listGroupUsers(c, admin.id)
    assert.equal(got[0]?.id, '6d8b04e3bf99445b8f763009xxx')
    assert.equal(c.calls[0]?.path, `/v3/groups/${admin.id}/users`)
    assert.equal(c.calls[0]?.scope, 'domain')
  })
})
