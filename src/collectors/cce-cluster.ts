/**
 * CCE clusters (otc-api-platform.md §4.1): version, phase, network and the API server's
 * addresses, whichever of the documented `status.endpoints` shapes the cloud sends.
 * @module
 */
import { endpointUrls } from '../clients/cce/endpoints.ts'
import type { ClusterWire } from '../clients/cce/schemas.ts'
import { parseCloudTime } from '../clients/core/time.ts'
import type { CceCluster } from '../inventory/types.ts'
import { sharedClusters, text } from './_cce.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'

/** Maps one cluster. */
export function toCceCluster(w: ClusterWire, ctx: MapContext): CceCluster {
  const urls = endpointUrls(w.status.endpoints)
  return {
    type: 'cce.cluster',
    id: w.metadata.uid,
    name: w.metadata.name || w.metadata.uid,
    region: ctx.region,
    projectId: ctx.projectId,
    version: text(w.spec.version),
    platformVersion: text(w.spec.platformVersion),
    category: text(w.spec.category),
    flavor: text(w.spec.flavor),
    phase: text(w.status.phase),
    createdAt: parseCloudTime(w.metadata.creationTimestamp)?.toISOString() ?? null,
    vpcId: text(w.spec.hostNetwork?.vpc),
    subnetId: text(w.spec.hostNetwork?.subnet),
    internalEndpoints: urls.internal,
    externalEndpoints: urls.external,
    externalIp: text(w.spec.extendParam?.clusterExternalIP),
    gatewayEndpoints: urls.externalOtc,
  }
}

/** Collects `cce.cluster`. */
export const cceClusterCollector = defineCollector({
  type: 'cce.cluster',
  service: 'cce',
  services: ['cce'],
  async collect(ctx): Promise<CollectorOutput<'cce.cluster'>> {
    const clusters = await sharedClusters(ctx)
    return { resources: clusters.map((c) => toCceCluster(c, ctx)) }
  },
})
