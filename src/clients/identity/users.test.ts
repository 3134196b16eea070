import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { fakeClient, pagesOf } from '../testing/fake-client.ts'
import { keystoneUsersSample, userWire } from './fixtures.ts'
import { listUsers } from './users.ts'

describe(listUsers.name, () => {
  it('reads all users with a domain-scoped token', async () => {
    const c = fakeClient([keystoneUsersSample])
    const got = await listUsers(c, { enabled: true })
    assert.equal(got[0]?.name, 'username')
    assert.equal(c.calls[0]?.path, '/v3/users')
    assert.deepEqual(c.calls[0]?.query, { enabled: true })
    assert.equal(c.calls[0]?.scope, 'domain')
  })

  it('follows links.next should the server ever page', async () => {
    const users = ['a', 'b', 'c'].map((name) => userWire({ name }))
    const c = fakeClient(pagesOf(OPS['identity.ListUsers'], users, 1))
    assert.equal((await listUsers(c)).length, 3)
    assert.equal(c.calls.length, 3)
  })
})
