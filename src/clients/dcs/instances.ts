/**
 * DCS v2 instances and their IP whitelists.
 * @module
 */
import { callOne, listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { DcsInstanceWire, ShowWhitelistResponse } from './schemas.ts'

// GET /v2/{project_id}/instances (offset + limit 1-1000, default 10; total in instance_num)
/** Lists every DCS instance of the project (1000 per page unless told otherwise). */
export function listDcsInstances(
  client: ServiceClient,
  query: { name?: string; status?: string; limit?: number } = {},
  signal?: AbortSignal,
): Promise<DcsInstanceWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['dcs.ListInstances'], { query: filters, limit, signal })
}

/** The IP whitelist of one instance (GET /v2/{project_id}/instance/{instance_id}/whitelist). */
export function showWhitelist(
  client: ServiceClient,
  instanceId: string,
  signal?: AbortSignal,
): Promise<ShowWhitelistResponse> {
  return callOne(client, OPS['dcs.ShowWhitelist'], { params: { instance_id: instanceId }, signal })
}
