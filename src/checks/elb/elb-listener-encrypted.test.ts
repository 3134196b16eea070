import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eip, listener, loadBalancer } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './elb-listener-encrypted.ts'

const lb = loadBalancer({ id: 'lb-1' })
const http = (o = {}) => listener({ protocol: 'HTTP', port: 80, tlsVersions: null, ...o })
const toHttps = { policyId: 'p1', action: 'REDIRECT_TO_LISTENER', target: 'lsn-2', toHttps: true }

describe(def.id, () => {
  it('passes HTTPS, a redirect to HTTPS, or a load balancer without a public address', () => {
    assert.equal(check(def, listener(), [lb]).status, 'pass')
    assert.equal(check(def, http({ redirects: [toHttps] }), [lb]).status, 'pass')
    assert.equal(check(def, http(), [loadBalancer({ id: 'lb-1', publicIps: [] })]).status, 'pass')
  })

  it('fails HTTP without a redirect, or plain TCP, on a public web port', () => {
    const r = check(def, http(), [lb])
    assert.equal(r.status, 'fail')
    assert.deepEqual(r.status === 'fail' && r.evidence.publicIps, ['80.158.9.9'])
    const toHttp = { ...toHttps, target: 'http://x', toHttps: false }
    assert.equal(check(def, http({ redirects: [toHttp] }), [lb]).status, 'fail')
    assert.equal(check(def, http({ protocol: 'TCP', port: 8080 }), [lb]).status, 'fail')
    assert.equal(check(def, http({ protocol: 'TCP', port: 443 }), [lb]).status, 'manual')
  })

  it('shared / Octavia: public through a floating IP on the VIP port, which needs the EIP list', () => {
    const shared = loadBalancer({ id: 'lb-1', api: 'octavia', publicIps: [], vipPortId: 'vp-9' })
    const fip = eip({ portId: 'vp-9', address: '203.0.113.7' })
    assert.equal(check(def, http(), [shared, fip]).status, 'fail')
    assert.equal(check(def, http(), [shared, eip({ portId: 'other' })]).status, 'pass')
    const unread = check(def, http(), [shared], {
      issues: [
        {
          service: 'network',
          resourceType: 'vpc.eip',
          region: 'eu-de',
          errorKind: 'forbidden',
          message: 'x',
        },
      ],
    })
    assert.equal(unread.status, 'error')
  })

  it('other ports and protocols do not apply; unread policies are an error', () => {
    assert.equal(check(def, http({ port: 5432 }), [lb]).status, 'notApplicable')
    assert.equal(check(def, http({ protocol: 'UDP', port: 80 }), [lb]).status, 'notApplicable')
    assert.equal(check(def, http({ redirects: null }), [lb]).status, 'error')
  })
})
