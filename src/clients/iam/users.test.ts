import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { iamUserDetailSample, userDetailWire } from './fixtures.ts'
import { showUser } from './users.ts'

describe(showUser.name, () => {
  it('gets one user detail with a domain-scoped token and unwraps it', async () => {
    const c = fakeClient([iamUserDetailSample])
    const u = await showUser(c, 'u/1')
    assert.equal(u.name, 'autotest1')
    assert.equal(u.last_login_time, null)
    assert.equal(c.calls[0]?.path, '/v3.0/OS-USER/users/u%2F1')
    assert.equal(c.calls[0]?.scope, 'domain')
    assert.equal(c.calls[0]?.method, 'GET')
  })

  it('keeps last_login_time as sent', async () => {
    const user = userDetailWire({ name: 'alice', last_login_time: '2024-01-02 03:04:05.0' })
    const u = await showUser(fakeClient([{ user }]), user.id)
    assert.equal(u.last_login_time, '2024-01-02 03:04:05.0')
  })
})
