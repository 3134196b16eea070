/**
 * VPC through the Neutron `/v2.0` API under `/network` (otc-api.md §4.1): security groups with
 * embedded rules, rules, ports and floating IPs of the token's project. Without `limit`
 * everything comes in one page; with it, `<res>_links` carry the next marker.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import type { WorldIndex } from '../_index.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, markerPage, nextLinks } from '../paging.ts'
import { uuidFor } from '../world/ids.ts'
import type { FloatingIp, Port, SecurityGroup, SecurityGroupRule } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const NEUTRON: LimitRule = { defaultLimit: Number.POSITIVE_INFINITY, max: 2000, overMax: 'clamp' }
/** OTC's external network (`admin_external_net`). */
const EXTERNAL_NET = uuidFor('network', 'admin_external_net')

function ruleWire(
  r: SecurityGroupRule,
): WireInput<'network.ListSecurityGroupRules'>['security_group_rules'][number] {
  return {
    id: r.id,
    direction: r.direction,
    protocol: r.protocol,
    ethertype: r.ethertype,
    description: r.description,
    remote_group_id: r.remoteGroupId,
    remote_ip_prefix: r.remoteIpPrefix,
    remote_address_group_id: null,
    port_range_min: r.portMin,
    port_range_max: r.portMax,
    security_group_id: r.securityGroupId,
    tenant_id: r.projectId,
    project_id: r.projectId,
    created_at: fmt.isoNoZone(r.createdAt),
    updated_at: fmt.isoNoZone(r.createdAt),
  }
}

function groupWire(
  g: SecurityGroup,
): WireInput<'network.ListSecurityGroups'>['security_groups'][number] {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    tenant_id: g.projectId,
    project_id: g.projectId,
    created_at: fmt.isoNoZone(g.createdAt),
    updated_at: fmt.isoNoZone(g.createdAt),
    security_group_rules: g.rules.map(ruleWire),
  }
}

function portWire(index: WorldIndex, p: Port): WireInput<'network.ListPorts'>['ports'][number] {
  const server = index.serverById.get(p.serverId)
  return {
    id: p.id,
    name: '',
    status: server?.status === 'ACTIVE' ? 'ACTIVE' : 'DOWN',
    admin_state_up: true,
    device_id: p.serverId,
    device_owner: `compute:${p.az}`,
    network_id: p.networkId,
    mac_address: p.mac,
    fixed_ips: [{ ip_address: p.ip, subnet_id: p.subnetId }],
    security_groups: p.securityGroupIds,
    port_security_enabled: true,
    allowed_address_pairs: [],
    tenant_id: p.projectId,
    project_id: p.projectId,
    created_at: fmt.isoNoZone(p.createdAt),
    updated_at: fmt.isoNoZone(p.createdAt),
  }
}

/**
 * A floating IP. OTC reports a bound one `ACTIVE`; a plain Neutron without an L3 agent (the
 * devcloud) leaves every floating IP `DOWN`, so only `port_id` shows that it is bound.
 */
function floatingIpWire(
  index: WorldIndex,
  f: FloatingIp,
): WireInput<'network.ListFloatingIps'>['floatingips'][number] {
  const port = f.portId === null ? undefined : index.portById.get(f.portId)
  return {
    id: f.id,
    status: port && index.world.cloud === 'otc' ? 'ACTIVE' : 'DOWN',
    floating_ip_address: f.address,
    fixed_ip_address: port?.ip ?? null,
    port_id: f.portId,
    router_id: null,
    floating_network_id: EXTERNAL_NET,
    tenant_id: f.projectId,
    project_id: f.projectId,
    dns_name: `ecs-${f.address.replaceAll('.', '-')}`,
    dns_domain: 'compute.otc.example.',
    created_at: fmt.isoNoZone(f.createdAt),
    updated_at: fmt.isoNoZone(f.createdAt),
  }
}

/** Keeps items whose field equals the query value, for each query parameter given. */
function where<T>(
  r: RouteContext,
  items: readonly T[],
  fields: Record<string, (t: T) => unknown>,
): readonly T[] {
  const wanted = Object.entries(fields).flatMap(([k, get]) => {
    const v = r.q(k)
    return v === undefined ? [] : [[v, get] as const]
  })
  // Unfiltered, the list is the same array on every page (markerPage remembers its positions).
  if (wanted.length === 0) return items
  return items.filter((it) =>
    wanted.every(([v, get]) => {
      const actual = get(it)
      return Array.isArray(actual) ? actual.includes(v) : String(actual) === v
    }),
  )
}

function paged<T extends { id: string }>(r: RouteContext, items: readonly T[]) {
  const limit = r.limit(NEUTRON)
  const { page, more } = markerPage(items, (i) => i.id, r.q('marker'), limit)
  return { page, links: nextLinks(r.url, more, limit, page.at(-1)?.id) }
}

/** Neutron routes. */
export function networkRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world, index } = shared
  const rulesOf = (r: RouteContext) =>
    index.inRegion(world.securityGroups, r.project.id, r.region).flatMap((g) => g.rules)

  serve(app, shared, 'network.ListSecurityGroups', async (r) => {
    const items = where(r, index.inRegion(world.securityGroups, r.project.id, r.region), {
      id: (g) => g.id,
      name: (g) => g.name,
      tenant_id: (g) => g.projectId,
    })
    const { page, links } = paged(r, items)
    return { security_groups: r.wireList(page, groupWire), security_groups_links: links }
  })

  serve(app, shared, 'network.ListSecurityGroupRules', async (r) => {
    const items = where(r, rulesOf(r), {
      security_group_id: (x) => x.securityGroupId,
      direction: (x) => x.direction,
      remote_ip_prefix: (x) => x.remoteIpPrefix,
      protocol: (x) => x.protocol,
      ethertype: (x) => x.ethertype,
    })
    const { page, links } = paged(r, items)
    return {
      security_group_rules: r.wireList(page, ruleWire),
      security_group_rules_links: links,
    }
  })

  serve(app, shared, 'network.ListPorts', async (r) => {
    const items = where(r, index.inRegion(world.ports, r.project.id, r.region), {
      device_id: (p) => p.serverId,
      device_owner: (p) => `compute:${p.az}`,
      network_id: (p) => p.networkId,
      id: (p) => p.id,
    })
    const { page, links } = paged(r, items)
    return { ports: r.wireList(page, (p) => portWire(index, p)), ports_links: links }
  })

  serve(app, shared, 'network.ListFloatingIps', async (r) => {
    const items = where(r, index.inRegion(world.floatingIps, r.project.id, r.region), {
      port_id: (f) => f.portId,
      floating_ip_address: (f) => f.address,
      id: (f) => f.id,
    })
    const { page, links } = paged(r, items)
    const floatingips = await r.map(page, (f) => floatingIpWire(index, f))
    return { floatingips, floatingips_links: links }
  })

  return app
}
