import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rule, securityGroup } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './vpc-sg-no-admin-ports-from-internet.ts'

const sg = (...rules: ReturnType<typeof rule>[]) => securityGroup({ rules })
const world = (o: Parameters<typeof rule>[0]) => rule({ remoteIpPrefix: '0.0.0.0/0', ...o })

describe(def.id, () => {
  it('passes for HTTPS from the internet and SSH from the office', () => {
    const v = check(
      def,
      sg(world({}), rule({ portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '203.0.113.0/24' })),
    )
    assert.equal(v.status, 'pass')
  })

  it('fails for SSH from 0.0.0.0/0', () => {
    const v = check(def, sg(world({ id: 'r22', portRangeMin: 22, portRangeMax: 22 })))
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence.rules, [
      { ruleId: 'r22', ports: [22], remote: '0.0.0.0/0' },
    ])
  })

  it('fails for a range covering PostgreSQL from ::/0', () => {
    const v = check(
      def,
      sg(
        world({
          ethertype: 'IPv6',
          remoteIpPrefix: '::/0',
          portRangeMin: 5000,
          portRangeMax: 6000,
        }),
      ),
    )
    assert.equal(v.status, 'fail')
    assert.match(v.message, /5432/)
  })

  it('fails for any protocol from the internet', () => {
    const v = check(def, sg(world({ protocol: null, portRangeMin: null, portRangeMax: null })))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /22, 1433, 1521, 3306, 3389, 5432, 6379, 9200, 27017/)
  })

  it('passes for UDP 3389 only, and follows the configured port list', () => {
    assert.equal(
      check(def, sg(world({ protocol: 'udp', portRangeMin: 3389, portRangeMax: 3389 }))).status,
      'pass',
    )
    const v = check(def, sg(world({ portRangeMin: 8443, portRangeMax: 8443 })), [], {
      settings: { adminPorts: [8443] },
    })
    assert.equal(v.status, 'fail')
  })
})
