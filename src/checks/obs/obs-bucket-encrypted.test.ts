import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { obsBucket } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './obs-bucket-encrypted.ts'

describe(def.id, () => {
  it('passes with SSE-KMS or SSE-OBS by default', () => {
    assert.equal(check(def, obsBucket()).status, 'pass')
    const obs = obsBucket({ defaultEncryption: { algorithm: 'AES256', kmsKeyId: null } })
    assert.equal(check(def, obs).status, 'pass')
  })

  it('fails without default encryption', () => {
    assert.equal(check(def, obsBucket({ defaultEncryption: false })).status, 'fail')
  })

  it('is an error when the configuration could not be read', () => {
    assert.equal(check(def, obsBucket({ defaultEncryption: null })).status, 'error')
  })
})
