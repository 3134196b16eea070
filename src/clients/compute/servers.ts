/**
 * Nova servers of a project.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { ServerWire } from './schemas.ts'

/** Filters of {@link listServersDetail}, in wire names. */
export interface ListServersDetailQuery {
  name?: string
  status?: string
  flavor?: string
  image?: string
  'changes-since'?: string
  ip?: string
  tags?: string
  /** Page size (default 1000, the Nova maximum). */
  limit?: number
}

// GET /v2.1/{project_id}/servers/detail (Nova; pages via servers_links)
/**
 * Lists every server of the project with details, following `servers_links` to the last page.
 * @example const servers = await listServersDetail(compute, { status: 'ACTIVE' })
 */
export function listServersDetail(
  client: ServiceClient,
  query: ListServersDetailQuery = {},
  signal?: AbortSignal,
): Promise<ServerWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['compute.ListServersDetail'], { query: filters, limit, signal })
}
