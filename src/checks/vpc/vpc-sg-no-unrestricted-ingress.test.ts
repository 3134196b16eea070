import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rule, securityGroup } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './vpc-sg-no-unrestricted-ingress.ts'

const sg = (...rules: ReturnType<typeof rule>[]) => securityGroup({ rules })

describe(def.id, () => {
  it('passes for rules limited to ports or sources', () => {
    const v = check(
      def,
      sg(
        rule({ remoteIpPrefix: '0.0.0.0/0' }),
        rule({ protocol: null, remoteIpPrefix: '10.0.0.0/8' }),
      ),
    )
    assert.equal(v.status, 'pass')
  })

  it('passes for egress to anywhere and ICMP from anywhere', () => {
    const v = check(
      def,
      sg(
        rule({ direction: 'egress', protocol: null, remoteIpPrefix: '0.0.0.0/0' }),
        rule({
          protocol: 'icmp',
          portRangeMin: null,
          portRangeMax: null,
          remoteIpPrefix: '0.0.0.0/0',
        }),
      ),
    )
    assert.equal(v.status, 'pass')
  })

  it('fails for any protocol from 0.0.0.0/0', () => {
    const v = check(
      def,
      sg(
        rule({
          id: 'r-any',
          protocol: null,
          portRangeMin: null,
          portRangeMax: null,
          remoteIpPrefix: '0.0.0.0/0',
        }),
      ),
    )
    assert.equal(v.status, 'fail')
    assert.match(v.message, /all protocols/)
    assert.deepEqual(v.status === 'fail' && v.evidence.rules, [
      { ruleId: 'r-any', protocol: 'any', ethertype: 'IPv4', remote: '0.0.0.0/0' },
    ])
  })

  it('fails for all TCP ports from ::/0', () => {
    const v = check(
      def,
      sg(rule({ ethertype: 'IPv6', portRangeMin: 1, portRangeMax: 65535, remoteIpPrefix: '::/0' })),
    )
    assert.equal(v.status, 'fail')
    assert.match(v.message, /all ports/)
  })

  it('fails for a rule with neither remote prefix nor remote group (Neutron: any address)', () => {
    const v = check(def, sg(rule({ protocol: null, remoteIpPrefix: null, remoteGroupId: null })))
    assert.equal(v.status, 'fail')
  })

  it('passes for a rule admitting only members of a group', () => {
    const v = check(
      def,
      sg(rule({ protocol: null, remoteIpPrefix: null, remoteGroupId: 'sg-self' })),
    )
    assert.equal(v.status, 'pass')
  })

  it('ignores deny rules', () => {
    const v = check(def, sg(rule({ action: 'deny', protocol: null, remoteIpPrefix: '0.0.0.0/0' })))
    assert.equal(v.status, 'pass')
  })
})
