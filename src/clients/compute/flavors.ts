/**
 * Nova flavors visible to the project.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { FlavorWire } from './schemas.ts'
import type { ComputeVersion } from './versions.ts'

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
  version: ComputeVersion = 'v2.1',
): Promise<FlavorWire[]> {
  const def =
    version === 'v2' ? OPS['compute.ListFlavorsDetailV2'] : OPS['compute.ListFlavorsDetail']
  return listItems(client, def, { limit: query.limit, signal })
}
