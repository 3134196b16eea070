/**
 * ECS through the native Nova API under `/compute` (otc-api.md §2.1, §12): servers with details,
 * key pairs and flavors, paged by `limit` + `marker` with `<res>_links`, at `/v2.1/` and the
 * legacy `/v2/` (the world's `apiVersions.compute` switch each off).
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import type { WorldIndex } from '../_index.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, markerPage, nextLinks } from '../paging.ts'
import type { KeyPair, Server } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const SERVERS: LimitRule = { defaultLimit: 25, max: 1000, overMax: 'clamp' }
const OTHERS: LimitRule = { defaultLimit: 1000, max: 1000, overMax: 'clamp' }

const VM_STATE: Record<string, [string, number]> = {
  ACTIVE: ['active', 1],
  SHUTOFF: ['stopped', 4],
  ERROR: ['error', 0],
  BUILD: ['building', 0],
}

type ServerWireIn = WireInput<'compute.ListServersDetail'>['servers'][number]

function addresses(index: WorldIndex, s: Server): ServerWireIn['addresses'] {
  const out: ServerWireIn['addresses'] = {}
  for (const portId of s.portIds) {
    const port = index.portById.get(portId)
    if (!port) continue
    const key = index.networkById.get(port.networkId)?.vpcId ?? port.networkId
    const list = out[key] ?? []
    out[key] = list
    list.push({
      addr: port.ip,
      version: 4,
      'OS-EXT-IPS:type': 'fixed',
      'OS-EXT-IPS-MAC:mac_addr': port.mac,
      'OS-EXT-IPS:port_id': port.id,
    })
    const fip = index.fipByPort.get(port.id)
    if (fip)
      list.push({
        addr: fip.address,
        version: 4,
        'OS-EXT-IPS:type': 'floating',
        'OS-EXT-IPS-MAC:mac_addr': port.mac,
        'OS-EXT-IPS:port_id': port.id,
      })
  }
  return out
}

/** A server as Nova's servers/detail shows it (security groups by name only, as in Nova). */
export function serverWire(index: WorldIndex, s: Server, root: string): ServerWireIn {
  const sgNames = new Set<string>()
  for (const portId of s.portIds)
    for (const sg of index.portById.get(portId)?.securityGroupIds ?? [])
      sgNames.add(index.sgById.get(sg)?.name ?? sg)
  const [vmState, power] = VM_STATE[s.status] ?? ['active', 1]
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    created: fmt.isoSeconds(s.createdAt),
    updated: fmt.isoSeconds(s.createdAt),
    tenant_id: s.projectId,
    user_id: s.userId,
    key_name: s.keyName,
    image: s.bootFromVolume
      ? ''
      : { id: s.imageId, links: [{ rel: 'bookmark', href: `${root}/images/${s.imageId}` }] },
    flavor: { id: s.flavorId, links: [{ rel: 'bookmark', href: `${root}/flavors/${s.flavorId}` }] },
    addresses: addresses(index, s),
    security_groups: [...sgNames].map((name) => ({ name })),
    metadata: s.metadata,
    'OS-EXT-AZ:availability_zone': s.az,
    'OS-EXT-STS:vm_state': vmState,
    'OS-EXT-STS:power_state': power,
    'os-extended-volumes:volumes_attached': (index.volumesByServer.get(s.id) ?? []).map((v) => ({
      id: v.id,
      delete_on_termination: false,
    })),
    tags: s.tags,
    description: s.description,
    locked: false,
    links: [{ rel: 'self', href: `${root}/servers/${s.id}` }],
  }
}

function filterServers(r: RouteContext, servers: readonly Server[]): readonly Server[] {
  const name = r.q('name')
  let nameRe: RegExp | undefined
  try {
    nameRe = name === undefined ? undefined : new RegExp(name, 'i')
  } catch {
    nameRe = new RegExp(name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')
  }
  const status = r.q('status')?.toUpperCase()
  const flavor = r.q('flavor')
  const image = r.q('image')
  const ip = r.q('ip')
  const tags = r.q('tags')?.split(',')
  const since = r.q('changes-since')
  const filters = [name, status, flavor, image, ip, tags, since]
  // Unfiltered, the list is the same array on every page (markerPage remembers its positions).
  if (filters.every((f) => f === undefined)) return servers
  const sinceMs = since === undefined ? undefined : Date.parse(since)
  return servers.filter(
    (s) =>
      (nameRe === undefined || nameRe.test(s.name)) &&
      (status === undefined || s.status === status) &&
      (flavor === undefined || s.flavorId === flavor) &&
      (image === undefined || s.imageId === image) &&
      (ip === undefined || s.portIds.some((p) => r.index.portById.get(p)?.ip.includes(ip))) &&
      (tags === undefined || tags.every((t) => s.tags.includes(t))) &&
      (sinceMs === undefined || Number.isNaN(sinceMs) || s.createdAt >= sinceMs),
  )
}

function keypairWire(k: KeyPair, detail: boolean) {
  return {
    name: k.name,
    type: k.type,
    fingerprint: k.fingerprint,
    public_key: k.publicKey,
    ...(detail
      ? { created_at: fmt.isoMicros(k.createdAt), user_id: k.userId, id: k.id, deleted: false }
      : {}),
  } satisfies WireInput<'compute.ShowKeypair'>['keypair']
}

/** Nova routes: each operation at /v2.1 and its /v2 twin (`<key>V2`), each switchable off. */
export function computeRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const servers = (r: RouteContext) => listServers(shared, r)
  serve(app, shared, 'compute.ListServersDetail', servers)
  serve(app, shared, 'compute.ListServersDetailV2', servers)
  const keypairs = (r: RouteContext) => listKeypairs(shared, r)
  serve(app, shared, 'compute.ListKeypairs', keypairs)
  serve(app, shared, 'compute.ListKeypairsV2', keypairs)
  const keypair = (r: RouteContext) => showKeypair(shared, r)
  serve(app, shared, 'compute.ShowKeypair', keypair)
  serve(app, shared, 'compute.ShowKeypairV2', keypair)
  const flavors = (r: RouteContext) => listFlavors(shared, r)
  serve(app, shared, 'compute.ListFlavorsDetail', flavors)
  serve(app, shared, 'compute.ListFlavorsDetailV2', flavors)
  return app
}

/** The project root links point at, in the version the request used. */
const root = (r: RouteContext) =>
  `${r.origin}/compute/${r.url.pathname.includes('/v2.1/') ? 'v2.1' : 'v2'}/${r.project.id}`

async function listServers(
  { world, index }: Shared,
  r: RouteContext,
): Promise<WireInput<'compute.ListServersDetail'>> {
  const limit = r.limit(SERVERS)
  const items = filterServers(r, index.inRegion(world.servers, r.project.id, r.region))
  const { page, more } = markerPage(items, (s) => s.id, r.q('marker'), limit)
  const at = root(r)
  return {
    servers: r.wireList(page, (s) => serverWire(index, s, at)),
    servers_links: nextLinks(r.url, more, limit, page.at(-1)?.id),
  }
}

async function listKeypairs(
  { world }: Shared,
  r: RouteContext,
): Promise<WireInput<'compute.ListKeypairs'>> {
  const limit = r.limit(OTHERS)
  // Nova lists only the caller's own key pairs.
  const own = world.keyPairs.filter((k) => k.userId === r.auth.user.id)
  const { page, more } = markerPage(own, (k) => k.name, r.q('marker'), limit)
  return {
    keypairs: r.wireList(page, (k) => ({ keypair: keypairWire(k, false) })),
    keypairs_links: nextLinks(r.url, more, limit, page.at(-1)?.name),
  }
}

function showKeypair(
  { world }: Shared,
  r: RouteContext,
): WireInput<'compute.ShowKeypair'> | Response {
  const k = world.keyPairs.find(
    (x) => x.name === r.params.keypair_name && x.userId === r.auth.user.id,
  )
  if (!k) return r.fail(404, `Keypair ${r.params.keypair_name} not found.`)
  return { keypair: keypairWire(k, true) }
}

function listFlavors({ world }: Shared, r: RouteContext): WireInput<'compute.ListFlavorsDetail'> {
  const limit = r.limit(OTHERS)
  const { page, more } = markerPage(world.flavors, (f) => f.id, r.q('marker'), limit)
  return {
    flavors: page.map((f) => ({
      id: f.id,
      name: f.name,
      vcpus: f.vcpus,
      ram: f.ram,
      disk: f.disk,
      swap: '',
      'OS-FLV-EXT-DATA:ephemeral': 0,
      'OS-FLV-DISABLED:disabled': false,
      'os-flavor-access:is_public': true,
      rxtx_factor: 1,
      os_extra_specs: { 'ecs:performancetype': f.name.split('.')[0] ?? 'normal' },
      links: [{ rel: 'self', href: `${root(r)}/flavors/${f.id}` }],
    })),
    flavors_links: nextLinks(r.url, more, limit, page.at(-1)?.id),
  }
}
