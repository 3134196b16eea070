/**
 * Nova servers of a project.
 * @module
 */
import { listItems } from '../_operation.ts'
import { readVersioned, type Versioned } from '../core/api-versions.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { ServerWire } from './schemas.ts'
import { COMPUTE_VERSIONS, type ComputeVersion } from './versions.ts'

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
export function listServersDetail<R = ServerWire>(
  client: ServiceClient,
  query: ListServersDetailQuery = {},
  signal?: AbortSignal,
  version: ComputeVersion = 'v2.1',
  each?: (w: ServerWire) => R,
): Promise<R[]> {
  const { limit, ...filters } = query
  const def =
    version === 'v2' ? OPS['compute.ListServersDetailV2'] : OPS['compute.ListServersDetail']
  return listItems(client, def, { query: filters, limit, signal, each })
}

/** Lists every server with the first Nova version the region serves (see `versions.ts`). */
export function readServersDetail<R = ServerWire>(
  client: ServiceClient,
  query: ListServersDetailQuery = {},
  signal?: AbortSignal,
  each?: (w: ServerWire) => R,
): Promise<Versioned<R[]>> {
  return readVersioned(
    client,
    COMPUTE_VERSIONS.map((version) => ({
      version,
      read: () => listServersDetail(client, query, signal, version, each),
    })),
  )
}
