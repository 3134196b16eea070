import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { iamVirtualMfaDevicesSample } from './fixtures.ts'
import { listVirtualMfaDevices } from './mfa-devices.ts'

describe(listVirtualMfaDevices.name, () => {
  it('lists all devices in one domain-scoped request', async () => {
    const c = fakeClient([iamVirtualMfaDevicesSample])
    const got = await listVirtualMfaDevices(c)
    assert.equal(got.length, 1)
    assert.equal(c.calls.length, 1)
    assert.equal(c.calls[0]?.path, '/v3.0/OS-MFA/virtual-mfa-devices')
    assert.equal(c.calls[0]?.scope, 'domain')
  })
})
