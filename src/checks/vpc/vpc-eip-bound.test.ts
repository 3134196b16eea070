import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eip } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './vpc-eip-bound.ts'

describe(def.id, () => {
  it('passes for an EIP bound to a port or a load balancer', () => {
    assert.equal(check(def, eip({ status: 'ACTIVE', portId: 'p1' })).status, 'pass')
    assert.equal(check(def, eip({ status: 'ELB', portId: null })).status, 'pass')
  })

  it('fails for an unbound EIP', () => {
    const v = check(def, eip({ status: 'DOWN', portId: null, address: '80.158.9.9' }))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /80\.158\.9\.9/)
  })

  it('asks for a person in other states', () => {
    assert.equal(check(def, eip({ status: 'FREEZED' })).status, 'manual')
  })
})
