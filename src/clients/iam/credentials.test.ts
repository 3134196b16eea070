import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { listCredentials, showCredential } from './credentials.ts'
import { credentialWire, iamCredentialSample, iamCredentialsSample } from './fixtures.ts'

describe(listCredentials.name, () => {
  it('lists one user’s keys with a domain-scoped token', async () => {
    const c = fakeClient([iamCredentialsSample])
    const got = await listCredentials(c, { user_id: 'u-1' })
    assert.equal(got[0]?.status, 'active')
    assert.equal(c.calls[0]?.path, '/v3.0/OS-CREDENTIAL/credentials')
    assert.deepEqual(c.calls[0]?.query, { user_id: 'u-1' })
    assert.equal(c.calls[0]?.scope, 'domain')
  })
})

describe(showCredential.name, () => {
  it('gets one key with last_use_time', async () => {
    const c = fakeClient([iamCredentialSample])
    const key = credentialWire()
    const got = await showCredential(c, key.access)
    assert.equal(got.last_use_time, '2020-01-08T06:26:08.123059Z')
    assert.equal(c.calls[0]?.path, `/v3.0/OS-CREDENTIAL/credentials/${key.access}`)
    assert.equal(c.calls[0]?.scope, 'domain')
  })
})
