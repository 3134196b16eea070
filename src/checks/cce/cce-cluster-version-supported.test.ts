import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cceCluster } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cce-cluster-version-supported.ts'

const at = (day: string) => ({ now: new Date(`${day}T12:00:00Z`) })

describe(def.id, () => {
  it('passes a version in commercial use, up to the last day of its EOS month', () => {
    assert.equal(check(def, cceCluster({ version: 'v1.31.4-r0' })).status, 'pass')
    const v130 = cceCluster({ version: 'v1.30.4-r0' })
    assert.equal(check(def, v130, [], at('2026-11-30')).status, 'pass')
  })

  it('fails a version past its EOS of CCE clusters', () => {
    const v130 = cceCluster({ version: 'v1.30.4-r0' })
    const v = check(def, v130, [], at('2026-12-01'))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /Kubernetes 1\.30, past CCE's end of support on 2026-11-30/)
    // The documented sample's v1.17.9-r0 ended in January 2023.
    assert.equal(check(def, cceCluster({ version: 'v1.17.9-r0' })).status, 'fail')
  })

  it('asks a person when the version is missing or not in the data', () => {
    assert.equal(check(def, cceCluster({ version: null })).status, 'manual')
    assert.equal(check(def, cceCluster({ version: 'v1.40.0-r0' })).status, 'manual')
  })
})
