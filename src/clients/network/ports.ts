/**
 * Neutron ports (NICs) with their security groups and fixed IPs.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { PortWire } from './schemas.ts'

/** Filters of {@link listPorts}, in wire names. */
export interface ListPortsQuery {
  device_id?: string
  /** e.g. `compute:eu-de-01` for ECS NICs. */
  device_owner?: string
  network_id?: string
  status?: string
  /** Page size (default: 2000, the Neutron maximum). */
  limit?: number
}

// GET /v2.0/ports (Neutron; pages via ports_links)
/** Lists every port of the project. */
export function listPorts<R = PortWire>(
  client: ServiceClient,
  query: ListPortsQuery = {},
  signal?: AbortSignal,
  each?: (w: PortWire) => R,
): Promise<R[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['network.ListPorts'], { query: filters, limit, signal, each })
}
