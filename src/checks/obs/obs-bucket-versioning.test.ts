import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { obsBucket } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './obs-bucket-versioning.ts'

describe(def.id, () => {
  it('passes with versioning enabled', () => {
    assert.equal(check(def, obsBucket()).status, 'pass')
  })

  it('fails when versioning was never enabled or is suspended', () => {
    assert.equal(check(def, obsBucket({ versioning: 'Disabled' })).status, 'fail')
    const v = check(def, obsBucket({ versioning: 'Suspended' }))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /suspended/)
  })

  it('is an error when the status could not be read', () => {
    assert.equal(check(def, obsBucket({ versioning: null })).status, 'error')
  })
})
