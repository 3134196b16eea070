/**
 * Neutron floating IPs (the EIPs of the VPC API).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { FloatingIpWire } from './schemas.ts'

/** Filters of {@link listFloatingIps}, in wire names. */
export interface ListFloatingIpsQuery {
  port_id?: string
  floating_ip_address?: string
  status?: string
  /** Page size (default: 2000, the Neutron maximum). */
  limit?: number
}

// GET /v2.0/floatingips (Neutron; pages via floatingips_links)
/** Lists every floating IP of the project, bound or not. */
export function listFloatingIps(
  client: ServiceClient,
  query: ListFloatingIpsQuery = {},
  signal?: AbortSignal,
): Promise<FloatingIpWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['network.ListFloatingIps'], { query: filters, limit, signal })
}
