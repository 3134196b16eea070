/**
 * Resolves servers (with their ports and system disks), volumes, volume backups and floating
 * IPs, allocating fixed IPs and device names where the file leaves them out.
 * @module
 */
import type { NameTable, Place, ResolveContext } from './_context.ts'
import { macFor, uuidFor } from './ids.ts'
import type {
  Flavor,
  FloatingIp,
  Image,
  KeyPair,
  Network,
  Port,
  SecurityGroup,
  Server,
  Volume,
  VolumeBackup,
} from './model.ts'
import { intToIp, ipToInt } from './resolve-compute.ts'
import type { WorldFileData } from './schema.ts'

/** Hands out fixed IPs per network, skipping addresses the file assigns itself. */
export class IpAllocator {
  private readonly next = new Map<string, number>()
  private readonly used = new Set<string>()

  reserve(ip: string): void {
    this.used.add(ip)
  }

  allocate(net: Network): string {
    const base = ipToInt(net.cidr.split('/')[0]!)
    let n = this.next.get(net.id) ?? 10
    while (this.used.has(intToIp(base + n))) n++
    this.next.set(net.id, n + 1)
    const ip = intToIp(base + n)
    this.used.add(ip)
    return ip
  }
}

export interface ServerTables {
  flavors: NameTable<Flavor>
  images: NameTable<Image>
  keyPairs: NameTable<KeyPair>
  networks: NameTable<Network>
  securityGroups: NameTable<SecurityGroup>
  servers: NameTable<Server>
  volumes: NameTable<Volume>
}

type FileServer = WorldFileData['servers'][number]

/** Where one server is being resolved. */
interface ServerSite {
  ctx: ResolveContext
  t: ServerTables
  ips: IpAllocator
  /** The server's project and region. */
  at: Place
  /** The networks of its project in its region, in file order (the first is the default). */
  networks: readonly Network[]
  path: string
  serverId: string
  az: string
  createdAt: number
}

function serverPorts(s: FileServer, site: ServerSite): Port[] {
  const { ctx, t, at, path } = site
  const { project } = at
  const specs = s.ports ?? [{ network: s.network, ip: s.ip, securityGroups: s.securityGroups }]
  return specs.flatMap((spec, j) => {
    const ppath = s.ports ? `${path}.ports[${j}]` : path
    const netName = spec.network ?? s.network
    const net =
      netName === undefined ? site.networks[0] : t.networks.get(netName, `${ppath}.network`, at.key)
    if (!net) {
      if (netName === undefined)
        ctx.issue(
          `${ppath}.network`,
          `project "${project.name}" has no networks${at.label === project.name ? '' : ` in ${at.region}`}; define one`,
        )
      return []
    }
    const sgNames = spec.securityGroups ?? s.securityGroups ?? ['default']
    return [
      {
        id: uuidFor('port', at.label, s.name, String(j)),
        projectId: project.id,
        region: at.region,
        networkId: net.id,
        subnetId: net.subnetId,
        serverId: site.serverId,
        az: site.az,
        ip: spec.ip ?? site.ips.allocate(net),
        mac: macFor(at.label, s.name, String(j)),
        securityGroupIds: sgNames.flatMap((g, k) => {
          const sg = t.securityGroups.get(g, `${ppath}.securityGroups[${k}]`, at.key)
          return sg ? [sg.id] : []
        }),
        createdAt: site.createdAt,
      },
    ]
  })
}

/** The OTC metadata Nova shows for a server (`metering.*`, `image_name`, ...). */
function serverMetadata(
  s: FileServer,
  image: Image | undefined,
  vpcId: string,
): Record<string, string> {
  return {
    'metering.image_id': image?.id ?? '',
    'metering.imagetype': image?.imageType ?? 'gold',
    'metering.resourcespeccode': `${s.flavor}.${image?.osType === 'Windows' ? 'win' : 'linux'}`,
    image_name: image?.name ?? s.image,
    os_bit: image?.osBit ?? '64',
    os_type: image?.osType ?? 'Linux',
    vpc_id: vpcId,
    charging_mode: '0',
    ...s.metadata,
  }
}

/** The volume a boot-from-volume server starts from, attached as `/dev/vda`. */
function systemDisk(
  disk: NonNullable<FileServer['systemDisk']>,
  s: FileServer,
  site: ServerSite,
  image: Image | undefined,
): Volume {
  const name = disk.name ?? `${s.name}-sys`
  return {
    id: uuidFor('volume', site.at.label, name),
    projectId: site.at.project.id,
    region: site.at.region,
    name,
    size: disk.size,
    type: disk.type,
    az: site.az,
    bootable: true,
    imageId: image?.id ?? null,
    encrypted: disk.encrypted,
    kmsKeyId: disk.encrypted ? uuidFor('kms-key', site.at.project.name, 'default') : null,
    attachment: { serverId: site.serverId, device: '/dev/vda', attachedAt: site.createdAt },
    status: 'in-use',
    multiattach: false,
    metadata: {},
    tags: {},
    createdAt: site.createdAt,
  }
}

/** Servers, their ports and their system disks (boot-from-volume). */
export function resolveServers(
  f: WorldFileData,
  ctx: ResolveContext,
  t: ServerTables,
  fallbackUserId: string,
  ips: IpAllocator,
): { servers: Server[]; ports: Port[]; systemDisks: Volume[] } {
  for (const s of f.servers) {
    if (s.ip) ips.reserve(s.ip)
    for (const p of s.ports ?? []) if (p.ip) ips.reserve(p.ip)
  }
  const networksOf = (pid: string) => t.networks.all(pid)
  const ports: Port[] = []
  const systemDisks: Volume[] = []
  const servers = f.servers.map((s, i) => {
    const path = `servers[${i}]`
    const at = ctx.place(s.project, s.region, path)
    const site: ServerSite = {
      ctx,
      t,
      ips,
      at,
      networks: networksOf(at.key),
      path,
      serverId: ctx.uuid(s.id, 'server', at.label, s.name),
      az: s.az ?? `${at.region}-01`,
      createdAt: ctx.time(s.createdAt, `${path}.createdAt`),
    }
    const flavor = t.flavors.get(s.flavor, `${path}.flavor`)
    const image = t.images.get(s.image, `${path}.image`)
    const keyPair = s.keyPair === null ? undefined : t.keyPairs.get(s.keyPair, `${path}.keyPair`)
    const own = serverPorts(s, site)
    ports.push(...own)
    const vpcId = site.networks.find((n) => n.id === own[0]?.networkId)?.vpcId ?? ''
    const server: Server = {
      id: site.serverId,
      projectId: at.project.id,
      region: at.region,
      name: s.name,
      az: site.az,
      flavorId: flavor?.id ?? s.flavor,
      imageId: image?.id ?? '',
      bootFromVolume: s.systemDisk !== undefined,
      keyName: keyPair?.name ?? null,
      userId: keyPair?.userId ?? fallbackUserId,
      portIds: own.map((p) => p.id),
      status: s.status,
      metadata: serverMetadata(s, image, vpcId),
      tags: s.tags,
      description: s.description,
      createdAt: site.createdAt,
    }
    t.servers.add(server, `${path}.name`, at.key)
    if (s.systemDisk) {
      const disk = systemDisk(s.systemDisk, s, site, image)
      t.volumes.add(disk, `${path}.systemDisk`, at.key)
      systemDisks.push(disk)
    }
    return server
  })
  return { servers, ports, systemDisks }
}

const DEVICES = 'bcdefghijklmnopqrstuvwxyz'

export function resolveVolumes(
  f: WorldFileData,
  ctx: ResolveContext,
  t: ServerTables,
  systemDisks: readonly Volume[],
): Volume[] {
  const devicesUsed = new Map<string, Set<string>>()
  for (const d of systemDisks)
    if (d.attachment) devicesUsed.set(d.attachment.serverId, new Set([d.attachment.device]))
  const volumes = f.volumes.map((v, i) => {
    const path = `volumes[${i}]`
    const at = ctx.place(v.project, v.region, path)
    const { project } = at
    const server =
      v.attachedTo === undefined
        ? undefined
        : t.servers.get(v.attachedTo, `${path}.attachedTo`, at.key)
    const image = v.image === undefined ? undefined : t.images.get(v.image, `${path}.image`)
    let attachment: Volume['attachment'] = null
    if (server) {
      const used = devicesUsed.get(server.id) ?? new Set<string>()
      const device =
        v.device ?? `/dev/vd${[...DEVICES].find((c) => !used.has(`/dev/vd${c}`)) ?? 'z'}`
      used.add(device)
      devicesUsed.set(server.id, used)
      attachment = { serverId: server.id, device, attachedAt: server.createdAt }
    }
    const vol: Volume = {
      id: ctx.uuid(v.id, 'volume', at.label, v.name),
      projectId: project.id,
      region: at.region,
      name: v.name,
      size: v.size,
      type: v.type,
      az: v.az ?? server?.az ?? `${at.region}-01`,
      bootable: v.bootable,
      imageId: image?.id ?? null,
      encrypted: v.encrypted,
      kmsKeyId: v.encrypted ? (v.kmsKeyId ?? uuidFor('kms-key', project.name, 'default')) : null,
      attachment,
      status: v.status ?? (attachment ? 'in-use' : 'available'),
      multiattach: v.multiattach,
      metadata: v.metadata,
      tags: v.tags,
      createdAt: ctx.time(v.createdAt, `${path}.createdAt`),
    }
    t.volumes.add(vol, `${path}.name`, at.key)
    return vol
  })
  return [...systemDisks, ...volumes]
}

export function resolveVolumeBackups(
  f: WorldFileData,
  ctx: ResolveContext,
  volumes: NameTable<Volume>,
): VolumeBackup[] {
  return f.volumeBackups.flatMap((b, i) => {
    const path = `volumeBackups[${i}]`
    const vol = findInProjects(volumes, b.volume, ctx)
    if (!vol) {
      ctx.issue(`${path}.volume`, `unknown volume "${b.volume}"`)
      return []
    }
    return [
      {
        id: ctx.uuid(b.id, 'volume-backup', vol.id, b.name),
        projectId: vol.projectId,
        region: vol.region,
        name: b.name,
        volumeId: vol.id,
        size: vol.size,
        az: vol.az,
        status: b.status,
        createdAt: ctx.time(b.createdAt, `${path}.createdAt`),
      },
    ]
  })
}

/** A name looked up in every project and region, first project (home region) first. */
export function findInProjects<T extends { name: string }>(
  table: NameTable<T>,
  name: string,
  ctx: ResolveContext,
): T | undefined {
  for (const at of ctx.places()) {
    const item = table.find(name, at.key)
    if (item) return item
  }
  return undefined
}

export function resolveFloatingIps(
  f: WorldFileData,
  ctx: ResolveContext,
  servers: NameTable<Server>,
): FloatingIp[] {
  return f.floatingIps.map((fip, i) => {
    const path = `floatingIps[${i}]`
    const at = ctx.place(fip.project, fip.region, path)
    const server =
      fip.server === undefined ? undefined : servers.get(fip.server, `${path}.server`, at.key)
    const portId = server ? server.portIds[fip.port] : undefined
    if (server && portId === undefined)
      ctx.issue(`${path}.port`, `server "${server.name}" has ${server.portIds.length} port(s)`)
    const address = fip.address ?? `80.158.${16 + Math.floor(i / 250)}.${(i % 250) + 2}`
    return {
      id: ctx.uuid(fip.id, 'floating-ip', at.label, address),
      projectId: at.project.id,
      region: at.region,
      address,
      portId: portId ?? null,
      bandwidth: fip.bandwidth,
      createdAt: ctx.time(fip.createdAt, `${path}.createdAt`),
    }
  })
}
