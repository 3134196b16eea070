import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { iamLoginProtectsSample } from './fixtures.ts'
import { listLoginProtects } from './login-protects.ts'

describe(listLoginProtects.name, () => {
  it('lists all settings in one domain-scoped request', async () => {
    const c = fakeClient([iamLoginProtectsSample])
    const got = await listLoginProtects(c)
    assert.equal(got[0]?.verification_method, 'vmfa')
    assert.equal(c.calls[0]?.path, '/v3.0/OS-USER/login-protects')
    assert.equal(c.calls[0]?.scope, 'domain')
  })
})
