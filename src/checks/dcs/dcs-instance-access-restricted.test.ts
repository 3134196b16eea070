import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dcsInstance } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './dcs-instance-access-restricted.ts'

describe(def.id, () => {
  it('passes with the whitelist on and no open range', () => {
    assert.equal(check(def, dcsInstance()).status, 'pass')
  })

  it('fails with the whitelist off, or admitting 0.0.0.0/0', () => {
    assert.equal(check(def, dcsInstance({ whitelistEnabled: false })).status, 'fail')
    const v = check(def, dcsInstance({ whitelist: ['10.0.0.0/8', '0.0.0.0/0'] }))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /0\.0\.0\.0\/0/)
  })

  it('is an error when the whitelist could not be read', () => {
    assert.equal(
      check(def, dcsInstance({ whitelistEnabled: null, whitelist: null })).status,
      'error',
    )
  })
})
