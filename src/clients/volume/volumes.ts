/**
 * EVS volumes through the Cinder API, v2 or v3 (`versions.ts`).
 * @module
 */
import { listItems } from '../_operation.ts'
import { readVersioned, type Versioned } from '../core/api-versions.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { VolumeWire } from './schemas.ts'
import { type VolumeVersion, volumeVersions } from './versions.ts'

/** Filters of {@link listVolumesDetail}, in wire names. */
export interface ListVolumesDetailQuery {
  name?: string
  status?: string
  availability_zone?: string
  /** Page size (default: 1000, the EVS maximum). */
  limit?: number
}

const DEFS = {
  v3: OPS['volume.ListVolumesDetail'],
  v2: OPS['volume.ListVolumesDetailV2'],
} as const

// GET /v3/{project_id}/volumes/detail and /v2/... (Cinder/EVS; pages via volumes_links)
/** Lists every volume of the project with details through one version (default v3). */
export function listVolumesDetail<R = VolumeWire>(
  client: ServiceClient,
  query: ListVolumesDetailQuery = {},
  signal?: AbortSignal,
  version: VolumeVersion = 'v3',
  each?: (w: VolumeWire) => R,
): Promise<R[]> {
  const { limit, ...filters } = query
  return listItems(client, DEFS[version], { query: filters, limit, signal, each })
}

/**
 * Lists every volume with the first version the cloud serves (see {@link volumeVersions}).
 * @throws {CloudApiError} as the first version answered when it failed otherwise than "absent"
 */
export function readVolumesDetail<R = VolumeWire>(
  client: ServiceClient,
  query: ListVolumesDetailQuery = {},
  signal?: AbortSignal,
  each?: (w: VolumeWire) => R,
): Promise<Versioned<R[]>> {
  return readVersioned(
    client,
    volumeVersions(client).map((version) => ({
      version,
      read: () => listVolumesDetail(client, query, signal, version, each),
    })),
  )
}
