/**
 * EVS volumes through the Cinder API.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { VolumeWire } from './schemas.ts'

/** Filters of {@link listVolumesDetail}, in wire names. */
export interface ListVolumesDetailQuery {
  name?: string
  status?: string
  availability_zone?: string
  /** Page size (default: 1000, the EVS maximum). */
  limit?: number
}

// GET /v3/{project_id}/volumes/detail (Cinder/EVS; pages via volumes_links)
/** Lists every volume of the project with details. */
export function listVolumesDetail(
  client: ServiceClient,
  query: ListVolumesDetailQuery = {},
  signal?: AbortSignal,
): Promise<VolumeWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['volume.ListVolumesDetail'], { query: filters, limit, signal })
}
