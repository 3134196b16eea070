import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cceNode } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cce-node-os-supported.ts'

const at = (day: string) => ({ now: new Date(`${day}T12:00:00Z`) })

describe(def.id, () => {
  it('passes Ubuntu 22.04 and EulerOS 2.9 before its CCE end of maintenance', () => {
    assert.equal(check(def, cceNode({ os: 'Ubuntu 22.04' })).status, 'pass')
    assert.equal(check(def, cceNode({ os: 'EulerOS 2.9' }), [], at('2025-12-31')).status, 'pass')
  })

  it('fails CentOS 7.6 and EulerOS 2.9 after 2025-12-31', () => {
    const centos = check(def, cceNode({ os: 'CentOS 7.6' }))
    assert.equal(centos.status, 'fail')
    assert.match(centos.message, /CentOS Linux 7, past its end of support on 2024-06-30/)
    assert.equal(check(def, cceNode({ os: 'EulerOS 2.9' }), [], at('2026-01-01')).status, 'fail')
  })

  it('passes Ubuntu 20.04 only when extended support counts', () => {
    const n = cceNode({ os: 'Ubuntu 20.04' })
    assert.equal(check(def, n).status, 'fail')
    const ext = { settings: { osSupportPhase: 'extended' as const } }
    assert.equal(check(def, n, [], ext).status, 'pass')
  })

  it('never passes an OS it cannot date: HCE 2.0, EulerOS 2.5, an unknown or absent OS', () => {
    assert.equal(check(def, cceNode({ os: 'HCE OS 2.0' })).status, 'manual')
    assert.equal(check(def, cceNode({ os: 'EulerOS 2.5' })).status, 'manual')
    assert.equal(check(def, cceNode({ os: 'SomeOS 1.0' })).status, 'manual')
    assert.equal(check(def, cceNode({ os: null })).status, 'manual')
  })
})
