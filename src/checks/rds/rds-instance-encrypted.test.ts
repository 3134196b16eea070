import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rdsInstance } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './rds-instance-encrypted.ts'

describe(def.id, () => {
  it('passes with a disk encryption key', () => {
    assert.equal(check(def, rdsInstance()).status, 'pass')
  })

  it('fails without one', () => {
    assert.equal(check(def, rdsInstance({ encrypted: false, kmsKeyId: null })).status, 'fail')
  })

  it('asks for a person when the API does not say', () => {
    assert.equal(check(def, rdsInstance({ encrypted: null, kmsKeyId: null })).status, 'manual')
  })
})
