import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { kmsKey } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './kms-key-rotation-enabled.ts'

describe(def.id, () => {
  it('passes for a rotating key', () => {
    assert.equal(check(def, kmsKey()).status, 'pass')
  })

  it('fails for an enabled customer key without rotation', () => {
    assert.equal(check(def, kmsKey({ rotationEnabled: false })).status, 'fail')
  })

  it('does not apply to keys that cannot rotate', () => {
    const dmk = kmsKey({
      alias: 'obs/default',
      isDefault: true,
      rotatable: false,
      rotationEnabled: null,
    })
    assert.equal(check(def, dmk).status, 'notApplicable')
  })

  it('is an error when the status could not be read', () => {
    assert.equal(check(def, kmsKey({ rotationEnabled: null })).status, 'error')
  })
})
