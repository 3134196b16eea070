/**
 * Neutron security group rules.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { SecurityGroupRuleWire } from './schemas.ts'

/** Filters of {@link listSecurityGroupRules}, in wire names. */
export interface ListSecurityGroupRulesQuery {
  security_group_id?: string
  /** ingress or egress. */
  direction?: string
  remote_ip_prefix?: string
  protocol?: string
  ethertype?: string
  /** Page size (default: 2000, the Neutron maximum). */
  limit?: number
}

// GET /v2.0/security-group-rules (Neutron; pages via security_group_rules_links)
/** Lists every security group rule of the project. */
export function listSecurityGroupRules(
  client: ServiceClient,
  query: ListSecurityGroupRulesQuery = {},
  signal?: AbortSignal,
): Promise<SecurityGroupRuleWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['network.ListSecurityGroupRules'], { query: filters, limit, signal })
}
