import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { accessKey, daysAgo } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './iam-access-key-rotated.ts'

describe(def.id, () => {
  it('passes for a key younger than 90 days', () => {
    assert.equal(check(def, accessKey({ createdAt: daysAgo(89) })).status, 'pass')
  })

  it('fails for an active key older than 90 days', () => {
    const v = check(def, accessKey({ createdAt: daysAgo(120) }))
    assert.equal(v.status, 'fail')
    assert.equal(v.status === 'fail' && v.evidence.ageDays, 120)
  })

  it('does not apply to inactive keys; asks when the age is unknown', () => {
    assert.equal(
      check(def, accessKey({ status: 'inactive', createdAt: daysAgo(500) })).status,
      'notApplicable',
    )
    assert.equal(check(def, accessKey({ createdAt: null })).status, 'manual')
  })
})
