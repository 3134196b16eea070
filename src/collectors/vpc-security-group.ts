/**
 * VPC security groups with their rules. Rules come from the `security_group_rules` embedded in
 * each group (one source, one paged call): the separate `/v2.0/security-group-rules` list holds
 * the same objects, but a second call could see a different moment and split a group's rules.
 * @module
 */
import type { SecurityGroupRuleWire, SecurityGroupWire } from '../clients/network/schemas.ts'
import { listSecurityGroups } from '../clients/network/security-groups.ts'
import type { SecurityGroup, SecurityGroupRule } from '../inventory/types.ts'
import { mapSliced } from '../model/time-slice.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { text } from './_map.ts'

/**
 * Maps one Neutron rule. Wire nulls keep their Neutron meaning (any protocol, all ports, any
 * address). Neutron rules are always `allow`. An ethertype other than IPv4/IPv6 is read from the
 * prefix (an address with `:` is IPv6).
 */
export function toSecurityGroupRule(w: SecurityGroupRuleWire): SecurityGroupRule {
  const eth = w.ethertype.toLowerCase()
  const ipv6 = eth === 'ipv6' || (eth !== 'ipv4' && (w.remote_ip_prefix ?? '').includes(':'))
  return {
    id: w.id,
    direction: w.direction,
    ethertype: ipv6 ? 'IPv6' : 'IPv4',
    protocol: text(w.protocol)?.toLowerCase() ?? null,
    portRangeMin: w.port_range_min,
    portRangeMax: w.port_range_max,
    remoteIpPrefix: text(w.remote_ip_prefix),
    remoteGroupId: text(w.remote_group_id),
    action: 'allow',
  }
}

/** Maps a security group and its embedded rules. */
export function toSecurityGroup(w: SecurityGroupWire, ctx: MapContext): SecurityGroup {
  return {
    type: 'vpc.security-group',
    id: w.id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    description: w.description ?? '',
    rules: w.security_group_rules.map(toSecurityGroupRule),
  }
}

/** Collects `vpc.security-group` (GET /v2.0/security-groups, rules embedded). */
export const vpcSecurityGroupCollector = defineCollector({
  type: 'vpc.security-group',
  service: 'network',
  services: ['network'],
  async collect(ctx) {
    const groups = await listSecurityGroups(await ctx.client('network'), {}, ctx.signal)
    return { resources: await mapSliced(groups, (w) => toSecurityGroup(w, ctx)) }
  },
})
