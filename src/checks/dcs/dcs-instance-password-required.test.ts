import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dcsInstance } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './dcs-instance-password-required.ts'

describe(def.id, () => {
  it('passes with a password', () => {
    assert.equal(check(def, dcsInstance()).status, 'pass')
  })

  it('fails for password-free access', () => {
    assert.equal(check(def, dcsInstance({ passwordFree: true })).status, 'fail')
  })
})
