/**
 * CCE nodes, per cluster (otc-api-platform.md §4.2). A cluster whose nodes cannot be read gives
 * one issue naming it, so the node checks of the region are an error, never a pass; the nodes of
 * the other clusters are kept.
 * @module
 */
import { listNodes } from '../clients/cce/clusters.ts'
import type { ClusterWire, NodeWire } from '../clients/cce/schemas.ts'
import { parseCloudTime } from '../clients/core/time.ts'
import type { CceNode, CollectionIssue } from '../inventory/types.ts'
import { sharedClusters, text } from './_cce.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'
import { FAN_OUT, mapSettled } from './_pool.ts'

/** Maps one node of `cluster`. */
export function toCceNode(w: NodeWire, cluster: ClusterWire, ctx: MapContext): CceNode {
  return {
    type: 'cce.node',
    id: w.metadata.uid,
    name: w.metadata.name || w.metadata.uid,
    region: ctx.region,
    projectId: ctx.projectId,
    clusterId: cluster.metadata.uid,
    clusterName: cluster.metadata.name || cluster.metadata.uid,
    os: text(w.spec.os),
    flavor: text(w.spec.flavor),
    az: text(w.spec.az),
    phase: text(w.status.phase),
    serverId: text(w.status.serverId),
    privateIp: text(w.status.privateIP),
    publicIp: text(w.status.publicIP),
    createdAt: parseCloudTime(w.metadata.creationTimestamp)?.toISOString() ?? null,
  }
}

/** Collects `cce.node` (every cluster's nodes). */
export const cceNodeCollector = defineCollector({
  type: 'cce.node',
  service: 'cce',
  services: ['cce'],
  async collect(ctx): Promise<CollectorOutput<'cce.node'>> {
    const cce = await ctx.client('cce')
    const clusters = await sharedClusters(ctx)
    const lists = await mapSettled(
      clusters,
      FAN_OUT,
      (c) => listNodes(cce, c.metadata.uid, ctx.signal),
      ctx.signal,
    )
    const resources: CceNode[] = []
    const issues: CollectionIssue[] = []
    clusters.forEach((c, k) => {
      const l = lists[k]!
      if (l.ok) for (const n of l.value) resources.push(toCceNode(n, c, ctx))
      else {
        const i = ctx.issue(l.error)
        const name = c.metadata.name || c.metadata.uid
        issues.push({ ...i, message: `nodes of cluster ${name} (ListNodes): ${i.message}` })
      }
    })
    return { resources, issues }
  },
})
