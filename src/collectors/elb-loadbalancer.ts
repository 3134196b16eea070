/**
 * Load balancers: OTC ELB v3 (dedicated), OTC shared (`/v2.0/lbaas`) and Octavia (`/v2/lbaas`).
 * @module
 */
import type { LbaasLoadbalancerWire } from '../clients/elb/lbaas-schemas.ts'
import {
  listLoadbalancersV2,
  listLoadbalancersV3,
  listLoadbalancersV20,
} from '../clients/elb/lists.ts'
import type { LoadbalancerV3Wire } from '../clients/elb/schemas.ts'
import type { ElbApi, ElbLoadBalancer } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'
import {
  type ElbRead,
  familyIssues,
  itemsOf,
  lbaasApi,
  mergeById,
  readElb,
  requireServed,
  servedVersions,
} from './_elb.ts'
import { nameOr, text, unique } from './_map.ts'

/** The addresses a v3 load balancer reports as public: its EIP (twice named) and a billed IPv6. */
export function v3PublicIps(w: LoadbalancerV3Wire): string[] {
  const v4 = [
    ...(w.eips ?? []).map((e) => e.eip_address),
    ...(w.publicips ?? []).map((p) => p.publicip_address),
  ]
  const v6 = w.ipv6_bandwidth?.id && w.ipv6_vip_address ? [w.ipv6_vip_address] : []
  return unique([...v4, ...v6].filter((a): a is string => !!a))
}

/** What both API shapes of a load balancer say alike. */
function common(
  w: LoadbalancerV3Wire | LbaasLoadbalancerWire,
  api: ElbApi,
  ctx: MapContext,
): Omit<ElbLoadBalancer, 'publicIps'> {
  return {
    type: 'elb.loadbalancer',
    id: w.id,
    name: nameOr(w.name, w.id),
    region: ctx.region,
    projectId: ctx.projectId,
    api,
    vipAddress: text(w.vip_address),
    vipPortId: text(w.vip_port_id),
    listenerIds: w.listeners.map((l) => l.id),
    provisioningStatus: text(w.provisioning_status),
  }
}

/** Maps a v3 load balancer (`guaranteed: false` marks a shared one listed through v3). */
export function toElbLoadBalancerV3(w: LoadbalancerV3Wire, ctx: MapContext): ElbLoadBalancer {
  const api = w.guaranteed === false ? 'shared' : 'dedicated'
  return { ...common(w, api, ctx), publicIps: v3PublicIps(w) }
}

/** Maps an LBaaS v2 load balancer; its public address is a floating IP on `vip_port_id`. */
export function toElbLoadBalancerLbaas(
  w: LbaasLoadbalancerWire,
  api: ElbApi,
  ctx: MapContext,
): ElbLoadBalancer {
  return { ...common(w, api, ctx), publicIps: [] }
}

/** The load balancers of both families' reads. */
export function toElbLoadBalancers(
  r: ElbRead<LoadbalancerV3Wire, LbaasLoadbalancerWire>,
  ctx: MapContext,
): ElbLoadBalancer[] {
  const api = lbaasApi(r)
  return mergeById(
    itemsOf(r.v3).map((w) => toElbLoadBalancerV3(w, ctx)),
    itemsOf(r.lbaas).map((w) => toElbLoadBalancerLbaas(w, api, ctx)),
  )
}

/** Collects `elb.loadbalancer`. */
export const elbLoadBalancerCollector = defineCollector({
  type: 'elb.loadbalancer',
  service: 'elb',
  services: ['elb'],
  async collect(ctx): Promise<CollectorOutput<'elb.loadbalancer'>> {
    const c = await ctx.client('elb')
    const r = await readElb(
      c,
      { v3: listLoadbalancersV3, 'v2.0': listLoadbalancersV20, v2: listLoadbalancersV2 },
      ctx.signal,
    )
    requireServed(r)
    const apiVersion = servedVersions(r)
    return {
      resources: toElbLoadBalancers(r, ctx),
      issues: familyIssues(r, 'load balancers', ctx.issue),
      ...(apiVersion ? { apiVersion } : {}),
    }
  },
})
