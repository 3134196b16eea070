/**
 * The OTC VPC API v1 under `/vpc` (otc-api-platform.md §7): VPCs (from the world's networks'
 * `vpc` names), subnets (one per network; id = the Neutron network id) and flow logs. Paging:
 * `marker` (an id) + `limit` (0-2000, default 2000), no links and no total.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, markerPage } from '../paging.ts'
import type { Network } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const VPC: LimitRule = { defaultLimit: 2000, max: 2000, overMax: 'clamp', min: 0 }

const eq = (want: string | undefined, v: string) => want === undefined || want === v

function page<T>(r: RouteContext, items: readonly T[], idOf: (t: T) => string): T[] {
  return markerPage(items, idOf, r.q('marker'), r.limit(VPC)).page
}

/** VPC v1 routes. */
export function vpcRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared
  const nets = (r: RouteContext) =>
    world.networks.filter((n) => n.projectId === r.project.id && n.region === r.region)

  serve(app, shared, 'vpc.ListVpcs', (r) => {
    const byVpc = new Map<string, Network[]>()
    for (const n of nets(r)) byVpc.set(n.vpcId, [...(byVpc.get(n.vpcId) ?? []), n])
    const vpcs: WireInput<'vpc.ListVpcs'>['vpcs'] = [...byVpc.values()].map((ns) => ({
      id: ns[0]!.vpcId,
      name: ns[0]!.vpcName,
      cidr: ns.length === 1 ? ns[0]!.cidr : '10.0.0.0/8',
      status: 'OK',
      description: '',
      enterprise_project_id: '0',
      created_at: fmt.isoNoZone(ns[0]!.createdAt),
    }))
    return {
      vpcs: page(
        r,
        vpcs.filter((v) => eq(r.q('id'), v.id)),
        (v) => v.id,
      ),
    }
  })

  serve(app, shared, 'vpc.ListSubnets', (r) => {
    const subnets = nets(r)
      .filter((n) => eq(r.q('vpc_id'), n.vpcId))
      .map((n) => ({
        id: n.id,
        name: n.name,
        cidr: n.cidr,
        vpc_id: n.vpcId,
        status: 'ACTIVE',
        gateway_ip: n.gateway,
        neutron_network_id: n.id,
        neutron_subnet_id: n.subnetId,
        availability_zone: `${n.region}-01`,
      }))
    return { subnets: page(r, subnets, (s) => s.id) }
  })

  serve(app, shared, 'vpc.ListFlowLogs', (r) => {
    const logs = world.flowLogs
      .filter(
        (f) =>
          f.projectId === r.project.id &&
          eq(r.q('resource_type'), f.resourceType) &&
          eq(r.q('resource_id'), f.resourceId) &&
          eq(r.q('status'), f.status),
      )
      .map((f) => ({
        id: f.id,
        name: f.name,
        description: '',
        tenant_id: r.project.id,
        resource_type: f.resourceType,
        resource_id: f.resourceId,
        traffic_type: f.trafficType,
        log_group_id: `lts-group-${f.id.slice(0, 8)}`,
        log_topic_id: `lts-topic-${f.id.slice(0, 8)}`,
        status: f.status,
        admin_state: f.adminState,
        created_at: fmt.isoNoZone(f.createdAt),
        updated_at: fmt.isoNoZone(f.createdAt),
      }))
    return { flow_logs: page(r, logs, (f) => f.id) }
  })
  return app
}
