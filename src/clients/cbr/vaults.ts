/**
 * CBR vaults with their protected resources.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { VaultWire } from './schemas.ts'

/** Filters of {@link listVaults}, in wire names. */
export interface ListVaultsQuery {
  /** server, disk, turbo. */
  object_type?: string
  name?: string
  policy_id?: string
  status?: string
  cloud_type?: string
  /** Page size (default: 1000, the CBR maximum). */
  limit?: number
}

// GET /v3/{project_id}/vaults (CBR; offset + limit, total in count)
/** Lists every vault of the project. */
export function listVaults(
  client: ServiceClient,
  query: ListVaultsQuery = {},
  signal?: AbortSignal,
): Promise<VaultWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['cbr.ListVaults'], { query: filters, limit, signal })
}
