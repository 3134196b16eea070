import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { obsBucket } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './obs-bucket-logging.ts'

describe(def.id, () => {
  it('passes with access logging to a target bucket', () => {
    assert.equal(check(def, obsBucket()).status, 'pass')
  })

  it('fails with logging off', () => {
    assert.equal(check(def, obsBucket({ logging: false })).status, 'fail')
  })

  it('is an error when the configuration could not be read', () => {
    assert.equal(check(def, obsBucket({ logging: null })).status, 'error')
  })
})
