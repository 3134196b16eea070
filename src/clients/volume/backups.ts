/**
 * Cinder volume backups (legacy VBS; CBR backups live in `cbr/`).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { BackupWire } from './schemas.ts'

/** Filters of {@link listBackupsDetail}, in wire names. */
export interface ListBackupsDetailQuery {
  volume_id?: string
  status?: string
  name?: string
  /** Page size (default: 1000). */
  limit?: number
}

// GET /v3/{project_id}/backups/detail (Cinder; pages via backups_links)
/** Lists every volume backup of the project with details. */
export function listBackupsDetail(
  client: ServiceClient,
  query: ListBackupsDetailQuery = {},
  signal?: AbortSignal,
): Promise<BackupWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['volume.ListBackupsDetail'], { query: filters, limit, signal })
}
