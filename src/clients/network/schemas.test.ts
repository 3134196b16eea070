import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, withValueAt } from '../testing/schema-assert.ts'
import {
  floatingIpWire,
  neutronFloatingIpsSample,
  neutronPortsSample,
  neutronSecurityGroupRulesSample,
  neutronSecurityGroupsSample,
  portWire,
  securityGroupRuleWire,
  securityGroupWire,
} from './fixtures.ts'
import {
  FloatingIpWire,
  ListFloatingIpsResponse,
  ListPortsResponse,
  ListSecurityGroupRulesResponse,
  ListSecurityGroupsResponse,
  PortWire,
  SecurityGroupRuleWire,
  SecurityGroupWire,
} from './schemas.ts'

describe('network wire schemas', () => {
  it('parses the security groups sample with its embedded rule and null "any" fields', () => {
    const body = ListSecurityGroupsResponse.parse(neutronSecurityGroupsSample)
    const g = body.security_groups[0]!
    assert.equal(g.name, 'sg-ad3f')
    const r = g.security_group_rules[0]!
    assert.equal(r.direction, 'ingress')
    assert.equal(r.protocol, null)
    assert.equal(r.port_range_min, null)
    assert.equal(r.remote_group_id, g.id)
    assert.deepEqual(
      body.security_groups_links?.map((l) => l.rel),
      ['next', 'previous'],
    )
  })

  it('parses the rules, ports and floating IP samples', () => {
    const rules = ListSecurityGroupRulesResponse.parse(neutronSecurityGroupRulesSample)
    assert.equal(rules.security_group_rules[0]?.ethertype, 'IPv4')
    const port = ListPortsResponse.parse(neutronPortsSample).ports[0]!
    assert.equal(port.device_owner, 'compute:az3.dc1')
    assert.deepEqual(port.security_groups, ['d0d58aa9-cda9-414c-9c52-6c3daf8534e6'])
    assert.equal(port.fixed_ips[0]?.ip_address, '172.16.0.37')
    const fip = ListFloatingIpsResponse.parse(neutronFloatingIpsSample).floatingips[0]!
    assert.equal(fip.floating_ip_address, '99.99.99.84')
    assert.equal(fip.port_id, null)
  })

  it('names the field of a broken body', () => {
    const path = ['security_groups', 0, 'security_group_rules', 0, 'direction']
    const broken = withValueAt(neutronSecurityGroupsSample, path, 'inbound')
    assert.deepEqual(issuePaths(ListSecurityGroupsResponse, broken), [path.join('.')])
    const badPort = withValueAt(neutronPortsSample, ['ports', 0, 'security_groups'], 'sg')
    assert.deepEqual(issuePaths(ListPortsResponse, badPort), ['ports.0.security_groups'])
  })

  it('builds valid items; a group gets default rules bound to its own id', () => {
    const g = securityGroupWire({ name: 'web' })
    assert.deepEqual(issuePaths(SecurityGroupWire, g), [])
    assert.deepEqual(
      g.security_group_rules.map((r) => [r.direction, r.security_group_id]),
      [
        ['ingress', g.id],
        ['egress', g.id],
      ],
    )
    assert.notEqual(g.security_group_rules[0]?.id, g.security_group_rules[1]?.id)
    assert.equal(
      securityGroupWire({ name: 'x', security_group_rules: [] }).security_group_rules.length,
      0,
    )
    const ssh = securityGroupRuleWire({
      protocol: 'tcp',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: '0.0.0.0/0',
      remote_group_id: null,
    })
    assert.deepEqual(issuePaths(SecurityGroupRuleWire, ssh), [])
    assert.deepEqual(issuePaths(PortWire, portWire({ name: 'nic' })), [])
    const bound = floatingIpWire({
      floating_ip_address: '80.158.1.2',
      port_id: 'p',
      status: 'ACTIVE',
    })
    assert.deepEqual(issuePaths(FloatingIpWire, bound), [])
    assert.notEqual(bound.id, floatingIpWire().id)
  })
})
