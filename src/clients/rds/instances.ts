/**
 * RDS v3 DB instances.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { InstanceWire } from './schemas.ts'

/** Filters of {@link listInstances}, in wire names. */
export interface ListInstancesQuery {
  id?: string
  name?: string
  /** Single, Ha, Replica. */
  type?: string
  /** MySQL, PostgreSQL, SQLServer (case-sensitive). */
  datastore_type?: string
  vpc_id?: string
  subnet_id?: string
  /** Page size (default: 100, the RDS maximum). */
  limit?: number
}

// GET /v3/{project_id}/instances (RDS v3; offset + limit <= 100, total_count)
/** Lists every DB instance of the project. */
export function listInstances(
  client: ServiceClient,
  query: ListInstancesQuery = {},
  signal?: AbortSignal,
): Promise<InstanceWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['rds.ListInstances'], { query: filters, limit, signal })
}
