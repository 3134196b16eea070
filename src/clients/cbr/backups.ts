/**
 * CBR backups (restore points as listed).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { BackupWire } from './schemas.ts'

/** Filters of {@link listBackups}, in wire names. */
export interface ListBackupsQuery {
  vault_id?: string
  resource_id?: string
  /** OS::Nova::Server, OS::Cinder::Volume, OS::Sfs::Turbo. */
  resource_type?: string
  status?: string
  /** e.g. `created_at:desc`. */
  sort?: string
  start_time?: string
  end_time?: string
  /** Page size (default: 1000, the CBR maximum). */
  limit?: number
}

// GET /v3/{project_id}/backups (CBR; offset + limit, total in count)
/** Lists every backup matching the filters. */
export function listBackups<R = BackupWire>(
  client: ServiceClient,
  query: ListBackupsQuery = {},
  signal?: AbortSignal,
  each?: (w: BackupWire) => R,
): Promise<R[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['cbr.ListBackups'], { query: filters, limit, signal, each })
}
