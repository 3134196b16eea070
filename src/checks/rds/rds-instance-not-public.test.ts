import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rdsInstance } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './rds-instance-not-public.ts'

describe(def.id, () => {
  it('passes for an instance with private addresses only', () => {
    assert.equal(check(def, rdsInstance()).status, 'pass')
  })

  it('fails for an instance with a public address', () => {
    const v = check(def, rdsInstance({ publicIps: ['80.158.3.4'] }))
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence.publicIps, ['80.158.3.4'])
  })
})
