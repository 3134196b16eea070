/**
 * Canonical Neutron samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { fakeUuid, makeBuilder } from '../testing/fixture-ids.ts'
import { FloatingIpWire, PortWire, SecurityGroupRuleWire, SecurityGroupWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §4.1 GET /v2.0/security-groups. */
export const neutronSecurityGroupsSample = {
  security_groups: [
    {
      id: '0431c9c5-1660-42e0-8a00-134bec7f03e2',
      name: 'sg-ad3f',
      description: '',
      tenant_id: 'bbfe8c41dd034a07bebd592bf03b4b0c',
      project_id: 'bbfe8c41dd034a07bebd592bf03b4b0c',
      created_at: '2018-09-12T08:24:14',
      updated_at: '2018-09-12T08:24:14',
      security_group_rules: [
        {
          id: 'd90e55ba-23bd-4d97-b722-8cb6fb485d69',
          direction: 'ingress',
          protocol: null,
          ethertype: 'IPv4',
          description: null,
          remote_group_id: '0431c9c5-1660-42e0-8a00-134bec7f03e2',
          remote_ip_prefix: null,
          remote_address_group_id: null,
          port_range_max: null,
          port_range_min: null,
          security_group_id: '0431c9c5-1660-42e0-8a00-134bec7f03e2',
          tenant_id: 'bbfe8c41dd034a07bebd592bf03b4b0c',
        },
      ],
    },
  ],
  security_groups_links: [
    {
      rel: 'next',
      href: 'https://{Endpoint}/v2.0/security-groups?limit=1&marker=0431c9c5-1660-42e0-8a00-134bec7f03e2',
    },
    {
      rel: 'previous',
      href: 'https://{Endpoint}/v2.0/security-groups?limit=1&marker=0431c9c5-1660-42e0-8a00-134bec7f03e2&page_reverse=True',
    },
  ],
}

/** Real sample body, verbatim from otc-api.md §4.1 GET /v2.0/ports. */
export const neutronPortsSample = {
  ports: [
    {
      id: '791870bd-36a7-4d9b-b015-a78e9b06af08',
      status: 'ACTIVE',
      device_id: 'e6c05704-c907-4cc1-8106-69b0996c43b9',
      device_owner: 'compute:az3.dc1',
      network_id: '00ae08c5-f727-49ab-ad4b-b069398aa171',
      mac_address: 'fa:16:3e:01:e0:b2',
      fixed_ips: [{ ip_address: '172.16.0.37', subnet_id: 'b3ac1347-63f2-4e82-b853-3d86416a0db5' }],
      security_groups: ['d0d58aa9-cda9-414c-9c52-6c3daf8534e6'],
      port_security_enabled: true,
      allowed_address_pairs: [],
      tenant_id: 'db82c9e1415a464ea68048baa8acc6b8',
      created_at: '2018-09-13T01:43:41',
      updated_at: '2018-09-13T01:43:41',
    },
  ],
  ports_links: [
    {
      rel: 'next',
      href: 'https://{Endpoint}/v2.0/ports?limit=1&marker=7a8c720d-32b7-47cc-a943-23e48d69e30a',
    },
  ],
}

/** Real sample body, verbatim from otc-api.md §4.1 GET /v2.0/floatingips. */
export const neutronFloatingIpsSample = {
  floatingips: [
    {
      id: '1a3a2818-d9b4-4a9c-8a19-5252c499d1cd',
      status: 'DOWN',
      floating_ip_address: '99.99.99.84',
      fixed_ip_address: null,
      port_id: null,
      router_id: null,
      floating_network_id: '0a2228f2-7f8a-45f1-8e09-9039e1d09975',
      tenant_id: 'bbfe8c41dd034a07bebd592bf03b4b0c',
      project_id: 'bbfe8c41dd034a07bebd592bf03b4b0c',
      dns_name: 'ecs-88-99-103-61',
      dns_domain: 'compute.clouds-dns.com.',
      created_at: '2017-10-19T12:21:28',
      updated_at: '2018-07-30T12:52:13',
    },
  ],
}

/** A rules list body made from the rule embedded in {@link neutronSecurityGroupsSample}. */
export const neutronSecurityGroupRulesSample = {
  security_group_rules: neutronSecurityGroupsSample.security_groups[0]?.security_group_rules ?? [],
}

const baseGroup = SecurityGroupWire.parse(neutronSecurityGroupsSample.security_groups[0])
const baseRule = SecurityGroupRuleWire.parse(baseGroup.security_group_rules[0])

/**
 * A valid rule (default: ingress from members of the same group, any protocol); a new
 * `description` derives a stable new `id`.
 * @example securityGroupRuleWire({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', remote_group_id: null })
 */
export const securityGroupRuleWire = makeBuilder<SecurityGroupRuleWire>(baseRule, {
  kind: 'security-group-rule',
  nameKey: 'description',
})

const buildGroup = makeBuilder<SecurityGroupWire>(baseGroup, { kind: 'security-group' })

/**
 * A valid security group; a new `name` derives a stable new `id`. Without given rules it gets
 * Neutron's defaults for a new group (ingress from itself, egress anywhere), bound to its id.
 * @example securityGroupWire({ name: 'web', security_group_rules: [] })
 */
export function securityGroupWire(overrides: Partial<SecurityGroupWire> = {}): SecurityGroupWire {
  const group = buildGroup(overrides)
  if (overrides.security_group_rules === undefined) {
    const ids = (dir: string, eth: string) => fakeUuid(`rule:${group.id}:${dir}:${eth}`)
    const common = { security_group_id: group.id, tenant_id: group.tenant_id }
    group.security_group_rules = [
      securityGroupRuleWire({ ...common, id: ids('in', 'v4'), remote_group_id: group.id }),
      securityGroupRuleWire({
        ...common,
        id: ids('out', 'v4'),
        direction: 'egress',
        remote_group_id: null,
      }),
    ]
  }
  return group
}

/** A valid port of an ECS NIC; a new `name` derives a stable new `id`. */
export const portWire = makeBuilder<PortWire>(PortWire.parse(neutronPortsSample.ports[0]), {
  kind: 'port',
})

/**
 * A valid floating IP (default: unbound); a new `floating_ip_address` derives a stable new `id`.
 * @example floatingIpWire({ floating_ip_address: '80.158.1.2', port_id: portWire().id, status: 'ACTIVE' })
 */
export const floatingIpWire = makeBuilder<FloatingIpWire>(
  FloatingIpWire.parse(neutronFloatingIpsSample.floatingips[0]),
  { kind: 'floating-ip', nameKey: 'floating_ip_address' },
)
