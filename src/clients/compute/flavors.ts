/**
 * Nova flavors visible to the project.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { FlavorWire } from './schemas.ts'

/** Options of {@link listFlavorsDetail}. */
export interface ListFlavorsDetailQuery {
  /** Page size (default 1000). */
  limit?: number
}

// GET /v2.1/{project_id}/flavors/detail (Nova; pages via flavors_links)
/** Lists every flavor with details. */
export function listFlavorsDetail(
  client: ServiceClient,
  query: ListFlavorsDetailQuery = {},
  signal?: AbortSignal,
): Promise<FlavorWire[]> {
  return listItems(client, OPS['compute.ListFlavorsDetail'], { limit: query.limit, signal })
}
