import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cceCluster } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cce-cluster-api-not-public.ts'

describe(def.id, () => {
  it('passes with only an internal endpoint (and OTC’s gateway name)', () => {
    const c = cceCluster({ gatewayEndpoints: ['https://x.container.eu-de.otc.t-systems.com'] })
    assert.equal(check(def, c).status, 'pass')
  })

  it('fails with an external endpoint or a clusterExternalIP', () => {
    const ext = check(def, cceCluster({ externalEndpoints: ['https://80.158.1.2:5443'] }))
    assert.equal(ext.status, 'fail')
    assert.match(ext.message, /80\.158\.1\.2/)
    assert.equal(check(def, cceCluster({ externalIp: '80.158.1.3' })).status, 'fail')
  })

  it('asks a person when the cluster reports no endpoint at all', () => {
    const v = check(def, cceCluster({ internalEndpoints: [], phase: 'Creating' }))
    assert.equal(v.status, 'manual')
  })
})
