/**
 * Neutron security groups, each with its rules embedded.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { SecurityGroupWire } from './schemas.ts'

/** Filters of {@link listSecurityGroups}, in wire names. */
export interface ListSecurityGroupsQuery {
  id?: string
  name?: string
  tenant_id?: string
  /** Page size (default: 2000, the Neutron maximum). */
  limit?: number
}

// GET /v2.0/security-groups (Neutron; pages via security_groups_links)
/** Lists every security group of the project with its embedded rules. */
export function listSecurityGroups(
  client: ServiceClient,
  query: ListSecurityGroupsQuery = {},
  signal?: AbortSignal,
): Promise<SecurityGroupWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['network.ListSecurityGroups'], { query: filters, limit, signal })
}
