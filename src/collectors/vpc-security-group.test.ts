import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  neutronSecurityGroupsSample,
  securityGroupRuleWire,
  securityGroupWire,
} from '../clients/network/fixtures.ts'
import { SecurityGroupWire } from '../clients/network/schemas.ts'
import { CTX } from './testing.ts'
import { toSecurityGroup, toSecurityGroupRule } from './vpc-security-group.ts'

describe(toSecurityGroup.name, () => {
  it('maps the doc sample with its embedded rule', () => {
    const g = toSecurityGroup(
      SecurityGroupWire.parse(neutronSecurityGroupsSample.security_groups[0]),
      CTX,
    )
    assert.equal(g.id, '0431c9c5-1660-42e0-8a00-134bec7f03e2')
    assert.equal(g.name, 'sg-ad3f')
    assert.deepEqual(g.rules, [
      {
        id: 'd90e55ba-23bd-4d97-b722-8cb6fb485d69',
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: null,
        portRangeMin: null,
        portRangeMax: null,
        remoteIpPrefix: null,
        remoteGroupId: '0431c9c5-1660-42e0-8a00-134bec7f03e2',
        action: 'allow',
      },
    ])
  })

  it('keeps a group without rules (nothing allowed) distinct from an unknown one', () => {
    assert.deepEqual(
      toSecurityGroup(securityGroupWire({ security_group_rules: [] }), CTX).rules,
      [],
    )
  })
})

describe(toSecurityGroupRule.name, () => {
  it('maps an SSH rule from the internet', () => {
    const r = toSecurityGroupRule(
      securityGroupRuleWire({
        protocol: 'tcp',
        port_range_min: 22,
        port_range_max: 22,
        remote_ip_prefix: '0.0.0.0/0',
        remote_group_id: null,
      }),
    )
    assert.equal(r.protocol, 'tcp')
    assert.equal(r.portRangeMin, 22)
    assert.equal(r.remoteIpPrefix, '0.0.0.0/0')
    assert.equal(r.remoteGroupId, null)
  })

  it('maps IPv6 rules', () => {
    const r = toSecurityGroupRule(
      securityGroupRuleWire({ ethertype: 'IPv6', remote_ip_prefix: '::/0' }),
    )
    assert.equal(r.ethertype, 'IPv6')
  })
})
