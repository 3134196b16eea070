import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import {
  iamLoginPolicySample,
  iamPasswordPolicySample,
  iamProtectPolicySample,
} from './fixtures.ts'
import { showLoginPolicy, showPasswordPolicy, showProtectPolicy } from './security-policies.ts'

const base = '/v3.0/OS-SECURITYPOLICY/domains/{domain_id}'

describe('account security policies', () => {
  it(`${showPasswordPolicy.name} leaves {domain_id} to the transport and unwraps`, async () => {
    const c = fakeClient([iamPasswordPolicySample])
    assert.equal((await showPasswordPolicy(c)).minimum_password_length, 6)
    assert.equal(c.calls[0]?.path, `${base}/password-policy`)
    assert.equal(c.calls[0]?.scope, 'domain')
  })

  it(`${showLoginPolicy.name} and ${showProtectPolicy.name} read their routes`, async () => {
    const c = fakeClient([iamLoginPolicySample, iamProtectPolicySample])
    assert.equal((await showLoginPolicy(c)).login_failed_times, 3)
    assert.equal((await showProtectPolicy(c)).operation_protection, false)
    assert.deepEqual(
      c.calls.map((r) => [r.path, r.scope]),
      [
        [`${base}/login-policy`, 'domain'],
        [`${base}/protect-policy`, 'domain'],
      ],
    )
  })
})
