/**
 * CCE v3 clusters and the nodes of a cluster (otc-api-platform.md §4). Neither list is paged as
 * documented: one request returns every item (`items` null or absent reads as none). A response
 * that says it holds only part of the list (a Kubernetes `metadata.continue` token) is refused
 * with a `schema` error, so a cut list becomes a collection issue, never a silently short one.
 * @module
 */
import { callOne, fillPath } from '../_operation.ts'
import { CloudApiError } from '../core/errors.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { ClusterWire, NodeWire } from './schemas.ts'

type ListDef = (typeof OPS)['cce.ListClusters'] | (typeof OPS)['cce.ListNodes']

async function wholeList<T>(
  client: ServiceClient,
  def: ListDef,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<T[]> {
  const body = await callOne(client, def, { params, signal })
  const next = body.metadata?.continue
  if (typeof next === 'string' && next !== '')
    throw new CloudApiError({
      service: def.service,
      op: def.op,
      method: def.method,
      url: `${client.endpoint}${fillPath(def.path, params)}`,
      kind: 'schema',
      detail: `the response holds part of the list (metadata.continue is set), but CCE documents no paging; ${body.items?.length ?? 0} items were not taken as the whole list`,
    })
  return (body.items ?? []) as T[]
}

/** Every cluster of the project (GET /api/v3/projects/{project_id}/clusters). */
export function listClusters(client: ServiceClient, signal?: AbortSignal): Promise<ClusterWire[]> {
  return wholeList(client, OPS['cce.ListClusters'], {}, signal)
}

/** Every node of one cluster (GET /api/v3/projects/{project_id}/clusters/{cluster_id}/nodes). */
export function listNodes(
  client: ServiceClient,
  clusterId: string,
  signal?: AbortSignal,
): Promise<NodeWire[]> {
  return wholeList(client, OPS['cce.ListNodes'], { cluster_id: clusterId }, signal)
}
