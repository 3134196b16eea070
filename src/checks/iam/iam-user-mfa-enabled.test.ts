import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { user } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './iam-user-mfa-enabled.ts'

describe(def.id, () => {
  it('passes with virtual MFA or with login protection', () => {
    assert.equal(check(def, user({ mfa: true, loginProtection: false })).status, 'pass')
    assert.equal(check(def, user({ mfa: false, loginProtection: true })).status, 'pass')
  })

  it('fails for a console user without either', () => {
    const v = check(def, user({ mfa: false, loginProtection: false }))
    assert.equal(v.status, 'fail')
    assert.equal(
      check(def, user({ mfa: false, loginProtection: false, consoleAccess: null })).status,
      'fail',
    )
  })

  it('does not apply to programmatic or disabled users', () => {
    assert.equal(
      check(def, user({ mfa: false, loginProtection: false, consoleAccess: false })).status,
      'notApplicable',
    )
    assert.equal(
      check(def, user({ mfa: false, loginProtection: false, enabled: false })).status,
      'notApplicable',
    )
  })

  it('errors when the MFA state is unknown', () => {
    assert.equal(check(def, user({ mfa: null, loginProtection: false })).status, 'error')
  })
})
