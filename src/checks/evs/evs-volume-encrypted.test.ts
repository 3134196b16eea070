import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { volume } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './evs-volume-encrypted.ts'

describe(def.id, () => {
  it('passes for an encrypted volume', () => {
    assert.equal(check(def, volume({ encrypted: true })).status, 'pass')
  })

  it('fails for an unencrypted volume', () => {
    const v = check(def, volume({ id: 'v9', name: 'data', encrypted: false, kmsKeyId: null }))
    assert.equal(v.status, 'fail')
    assert.equal(v.message, 'volume "data" (v9) is not encrypted')
  })

  it('asks for a person when encryption is not reported', () => {
    assert.equal(check(def, volume({ encrypted: null })).status, 'manual')
  })
})
