import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { accessKey, daysAgo } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './iam-access-key-used.ts'

describe(def.id, () => {
  it('passes for a key used yesterday', () => {
    assert.equal(check(def, accessKey({ lastUsedAt: daysAgo(1) })).status, 'pass')
  })

  it('fails for a key idle for more than 90 days (OTC reports creation time if never used)', () => {
    const v = check(def, accessKey({ createdAt: daysAgo(200), lastUsedAt: daysAgo(200) }))
    assert.equal(v.status, 'fail')
  })

  it('does not apply to inactive keys; asks when last use is unknown', () => {
    assert.equal(check(def, accessKey({ status: 'inactive' })).status, 'notApplicable')
    assert.equal(check(def, accessKey({ lastUsedAt: null })).status, 'manual')
  })
})
