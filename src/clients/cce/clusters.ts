/**
 * CCE v3 clusters and the nodes of a cluster (otc-api-platform.md §4). Neither list is paged as
 * documented: one request returns every item (`items` null or absent reads as none).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { ClusterWire, NodeWire } from './schemas.ts'

/** Every cluster of the project (GET /api/v3/projects/{project_id}/clusters). */
export function listClusters(client: ServiceClient, signal?: AbortSignal): Promise<ClusterWire[]> {
  return listItems(client, OPS['cce.ListClusters'], { signal })
}

/** Every node of one cluster (GET /api/v3/projects/{project_id}/clusters/{cluster_id}/nodes). */
export function listNodes(
  client: ServiceClient,
  clusterId: string,
  signal?: AbortSignal,
): Promise<NodeWire[]> {
  return listItems(client, OPS['cce.ListNodes'], { params: { cluster_id: clusterId }, signal })
}
