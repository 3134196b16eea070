/**
 * Cinder volume backups (legacy VBS; CBR backups live in `cbr/`), v2 or v3 (`versions.ts`).
 * @module
 */
import { listItems } from '../_operation.ts'
import { readVersioned, type Versioned } from '../core/api-versions.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { BackupWire } from './schemas.ts'
import { type VolumeVersion, volumeVersions } from './versions.ts'

/** Filters of {@link listBackupsDetail}, in wire names. */
export interface ListBackupsDetailQuery {
  volume_id?: string
  status?: string
  name?: string
  /** Page size (default: 1000). */
  limit?: number
}

const DEFS = {
  v3: OPS['volume.ListBackupsDetail'],
  v2: OPS['volume.ListBackupsDetailV2'],
} as const

// GET /v3/{project_id}/backups/detail and /v2/... (Cinder; pages via backups_links)
/** Lists every volume backup of the project with details through one version (default v3). */
export function listBackupsDetail(
  client: ServiceClient,
  query: ListBackupsDetailQuery = {},
  signal?: AbortSignal,
  version: VolumeVersion = 'v3',
): Promise<BackupWire[]> {
  const { limit, ...filters } = query
  return listItems(client, DEFS[version], { query: filters, limit, signal })
}

/**
 * Lists every volume backup with the first version the cloud serves (see {@link volumeVersions}).
 * @throws {CloudApiError} as the first version answered when it failed otherwise than "absent"
 */
export function readBackupsDetail(
  client: ServiceClient,
  query: ListBackupsDetailQuery = {},
  signal?: AbortSignal,
): Promise<Versioned<BackupWire[]>> {
  return readVersioned(
    client,
    volumeVersions(client).map((version) => ({
      version,
      read: () => listBackupsDetail(client, query, signal, version),
    })),
  )
}
