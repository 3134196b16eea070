/**
 * Wire shapes of the VPC Neutron `/v2.0` API: security groups, security group rules, ports,
 * floating IPs. Rule fields that mean "any" are `null` on the wire.
 * @module
 */
import { z } from 'zod'

/** A `{ href, rel }` link of a Neutron `<resource>_links` array. */
export const LinkWire = z.object({ href: z.string(), rel: z.string() })
export type LinkWire = z.output<typeof LinkWire>

/** One rule (VPC "Querying Security Group Rules", Neutron); also embedded in each security group. */
export const SecurityGroupRuleWire = z.object({
  id: z.string(),
  direction: z.enum(['ingress', 'egress']),
  /** null = any protocol; else `tcp`, `udp`, `icmp`, ... or a protocol number as a string. */
  protocol: z.string().nullable(),
  ethertype: z.string(),
  description: z.string().nullish(),
  remote_group_id: z.string().nullable(),
  /** null = anywhere (together with a null `remote_group_id`); `0.0.0.0/0` / `::/0` = world. */
  remote_ip_prefix: z.string().nullable(),
  remote_address_group_id: z.string().nullish(),
  /** null = all ports; ICMP type/code for ICMP rules. */
  port_range_min: z.number().nullable(),
  port_range_max: z.number().nullable(),
  security_group_id: z.string(),
  tenant_id: z.string(),
  project_id: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
})
export type SecurityGroupRuleWire = z.output<typeof SecurityGroupRuleWire>

/** One security group (VPC "Querying Security Groups", Neutron) with its rules embedded. */
export const SecurityGroupWire = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  tenant_id: z.string(),
  project_id: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  security_group_rules: z.array(SecurityGroupRuleWire),
})
export type SecurityGroupWire = z.output<typeof SecurityGroupWire>

/** GET /v2.0/security-groups (VPC Neutron "Querying Security Groups"; pages via security_groups_links). */
export const ListSecurityGroupsResponse = z.object({
  security_groups: z.array(SecurityGroupWire),
  security_groups_links: z.array(LinkWire).optional(),
})
export type ListSecurityGroupsResponse = z.output<typeof ListSecurityGroupsResponse>

/** GET /v2.0/security-group-rules (VPC Neutron "Querying Security Group Rules"; security_group_rules_links). */
export const ListSecurityGroupRulesResponse = z.object({
  security_group_rules: z.array(SecurityGroupRuleWire),
  security_group_rules_links: z.array(LinkWire).optional(),
})
export type ListSecurityGroupRulesResponse = z.output<typeof ListSecurityGroupRulesResponse>

/** One port (VPC Neutron "Querying Ports"); `device_owner` is `compute:<az>` for ECS NICs. */
export const PortWire = z.object({
  id: z.string(),
  name: z.string().optional(),
  status: z.string(),
  admin_state_up: z.boolean().optional(),
  device_id: z.string(),
  device_owner: z.string(),
  network_id: z.string(),
  mac_address: z.string(),
  fixed_ips: z.array(z.object({ ip_address: z.string(), subnet_id: z.string() })),
  security_groups: z.array(z.string()),
  port_security_enabled: z.boolean().optional(),
  allowed_address_pairs: z
    .array(z.object({ ip_address: z.string(), mac_address: z.string().optional() }))
    .optional(),
  tenant_id: z.string(),
  project_id: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
})
export type PortWire = z.output<typeof PortWire>

/** GET /v2.0/ports (VPC Neutron "Querying Ports"; pages via ports_links). */
export const ListPortsResponse = z.object({
  ports: z.array(PortWire),
  ports_links: z.array(LinkWire).optional(),
})
export type ListPortsResponse = z.output<typeof ListPortsResponse>

/** One floating IP (VPC Neutron "Querying Floating IP Addresses"); same objects as VPC v1 EIPs. */
export const FloatingIpWire = z.object({
  id: z.string(),
  /** ACTIVE (bound), DOWN (unbound), ERROR. */
  status: z.string(),
  floating_ip_address: z.string(),
  fixed_ip_address: z.string().nullable(),
  /** null when unbound; joins to a port whose `device_id` is the server. */
  port_id: z.string().nullable(),
  router_id: z.string().nullish(),
  floating_network_id: z.string(),
  tenant_id: z.string(),
  project_id: z.string().optional(),
  dns_name: z.string().nullish(),
  dns_domain: z.string().nullish(),
  description: z.string().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
})
export type FloatingIpWire = z.output<typeof FloatingIpWire>

/** GET /v2.0/floatingips (VPC Neutron "Querying Floating IP Addresses"; pages via floatingips_links). */
export const ListFloatingIpsResponse = z.object({
  floatingips: z.array(FloatingIpWire),
  floatingips_links: z.array(LinkWire).optional(),
})
export type ListFloatingIpsResponse = z.output<typeof ListFloatingIpsResponse>
