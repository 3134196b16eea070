/**
 * RDS v3 backups, listed per DB instance.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { BackupWire } from './schemas.ts'

/** Filters of {@link listBackups}, in wire names. */
export interface ListBackupsQuery {
  /** Required: the API lists backups of one instance only. */
  instance_id: string
  backup_id?: string
  /** auto, manual, fragment, incremental. */
  backup_type?: string
  begin_time?: string
  end_time?: string
  /** Page size (default: 100, the RDS maximum). */
  limit?: number
}

// GET /v3/{project_id}/backups?instance_id= (RDS v3; offset + limit <= 100, total_count)
/**
 * Lists every backup of one instance (fan out over `listInstances`).
 * @example const backups = await listBackups(rds, { instance_id: instance.id, backup_type: 'auto' })
 */
export function listBackups(
  client: ServiceClient,
  query: ListBackupsQuery,
  signal?: AbortSignal,
): Promise<BackupWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['rds.ListBackups'], { query: filters, limit, signal })
}
