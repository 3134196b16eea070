import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { iamPasswordPolicySample, passwordPolicyWire } from '../clients/iam/fixtures.ts'
import { PasswordPolicyWire } from '../clients/iam/schemas.ts'
import { GLOBAL_REGION } from '../inventory/types.ts'
import { charTypes, toIamPasswordPolicy } from './iam-password-policy.ts'

describe(toIamPasswordPolicy.name, () => {
  it('maps the doc sample (id = domain id)', () => {
    const p = toIamPasswordPolicy(
      PasswordPolicyWire.parse(iamPasswordPolicySample.password_policy),
      'd-1',
    )
    assert.deepEqual(p, {
      type: 'iam.password-policy',
      id: 'd-1',
      name: 'password-policy',
      region: GLOBAL_REGION,
      minimumLength: 6,
      charTypes: 2,
      validityDays: 60,
      recentPasswordsDisallowed: 2,
    })
  })

  it('a validity period of 0 means passwords never expire', () => {
    const p = toIamPasswordPolicy(passwordPolicyWire({ password_validity_period: 0 }), 'd-1')
    assert.equal(p.validityDays, null)
  })
})

describe(charTypes.name, () => {
  it('reads the number of character types from the requirement text', () => {
    assert.equal(charTypes('A password must contain at least three of the following: …'), 3)
    assert.equal(charTypes('at least 4 character types'), 4)
  })

  it('is null when the text says nothing it recognises', () => {
    assert.equal(charTypes(undefined), null)
    assert.equal(charTypes('Passwords are checked.'), null)
  })
})
