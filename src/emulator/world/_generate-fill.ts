/**
 * Fills one project of a generated world: servers with their disks, ports, floating IPs and
 * alarms, spare volumes, volume backups, CBR vaults, policies and backups, and RDS instances.
 * Names are numbered across the whole world (`Counters`), so each is unique in the account.
 * @module
 */
import { ago, type Doc, FLAVORS, type Item, LINEAGES, pad } from './_generate-parts.ts'
import type { Rng } from './prng.ts'

/** Running numbers for names, across projects. */
export interface Counters {
  server: number
  spare: number
  volumeBackup: number
  serverVault: number
  diskVault: number
  policy: number
  rds: number
}

/** One project being filled. */
export interface Site {
  /** Its name, written on every resource; undefined for a single-project world (the default). */
  project: string | undefined
  /** Servers in it. */
  servers: number
  azs: readonly string[]
  /** Its networks and security groups, by name. */
  nets: readonly string[]
  sgs: readonly string[]
  /** Private images its servers may use (0: none; they belong to the first project). */
  privateImages: number
  keyPairs: number
  counters: Counters
}

/** `{ project }` to spread into an item, or nothing for a single-project world. */
const inProject = (site: Site) => (site.project === undefined ? {} : { project: site.project })

function imageFor(rng: Rng, site: Site): string {
  const r = rng()
  const l = rng.pick(LINEAGES)
  if (r < 0.05)
    return site.privateImages > 0
      ? `golden-${pad(rng.int(0, site.privateImages - 1), 4)}`
      : `Standard_${l.os}_latest`
  return `Standard_${l.os}_${r < 0.15 ? 'prev' : 'latest'}`
}

function server(rng: Rng, site: Site, name: string, net: string): Item<'servers'> {
  const sgName = () => site.sgs[rng.int(0, site.sgs.length - 1)]!
  const image = imageFor(rng, site)
  const sgsOf = () =>
    rng.chance(0.1) ? ['default'] : rng.chance(0.3) ? [sgName(), sgName()] : [sgName()]
  const twoPorts = rng.chance(0.3)
  return {
    name,
    ...inProject(site),
    az: rng.pick(site.azs),
    flavor: rng.pick(FLAVORS),
    image,
    ...(rng.chance(0.85) ? { systemDisk: { size: 40, encrypted: rng.chance(0.6) } } : {}),
    keyPair: rng.chance(0.85) ? `key-${pad(rng.int(0, site.keyPairs - 1), 4)}` : null,
    ports: twoPorts
      ? [
          { network: net, securityGroups: [...new Set(sgsOf())] },
          { network: net, securityGroups: [...new Set(sgsOf())] },
        ]
      : [{ network: net, securityGroups: [...new Set(sgsOf())] }],
    createdAt: ago(rng.int(1, 1500)),
  }
}

/** 0-2 data disks attached to server `name` (~0.66 on average, half of them encrypted). */
function dataDisks(rng: Rng, site: Site, name: string): Item<'volumes'>[] {
  const count = rng.chance(0.55) ? (rng.chance(0.2) ? 2 : 1) : 0
  return Array.from({ length: count }, (_, d) => ({
    name: `${name}-data-${d}`,
    ...inProject(site),
    size: rng.pick([20, 50, 100, 200, 500]),
    attachedTo: name,
    encrypted: rng.chance(0.5),
    createdAt: ago(rng.int(1, 1000)),
  }))
}

/** Servers with their data disks, floating IPs and alarms; spare volumes; volume backups. */
export function fillServers(rng: Rng, doc: Doc, site: Site): void {
  const n = site.servers
  const c = site.counters
  const firstVolume = doc.volumes.length
  for (let i = 0; i < n; i++) {
    const name = `srv-${pad(c.server++)}`
    const s = server(rng, site, name, site.nets[Math.floor((i / n) * site.nets.length)]!)
    doc.servers.push(s)
    doc.volumes.push(...dataDisks(rng, site, name))
    if (rng.chance(0.3))
      doc.floatingIps.push({
        ...inProject(site),
        server: name,
        port: (s.ports?.length ?? 1) > 1 ? rng.int(0, 1) : 0,
      })
    if (rng.chance(0.6))
      doc.alarms.push({
        name: `${name}-cpu`,
        ...inProject(site),
        server: name,
        notifications: rng.chance(0.8) ? ['ops-alerts'] : [],
      })
  }
  fillSpares(rng, doc, site)
  const volumes = doc.volumes.slice(firstVolume)
  for (let i = 0; i < Math.ceil(n / 20); i++)
    doc.volumeBackups.push({
      name: `vb-${pad(c.volumeBackup++)}`,
      volume: volumes[rng.int(0, volumes.length - 1)]!.name,
      createdAt: ago(rng.int(0, 90)),
    })
}

/** Unattached volumes (10% of the servers) and every other one with an unbound floating IP. */
function fillSpares(rng: Rng, doc: Doc, site: Site): void {
  const spare = Math.ceil(site.servers * 0.1)
  for (let i = 0; i < spare; i++) {
    doc.volumes.push({
      name: `spare-${pad(site.counters.spare++)}`,
      ...inProject(site),
      size: rng.pick([10, 50, 100]),
      az: rng.pick(site.azs),
      encrypted: rng.chance(0.4),
      createdAt: ago(rng.int(1, 900)),
    })
    if (i % 2 === 0) doc.floatingIps.push({ ...inProject(site), createdAt: ago(rng.int(1, 600)) })
  }
}

/**
 * Puts the `candidates` that `take` picks into vaults of 20 (`kind` server or disk), backing
 * each up 1-3 times (20% stale); returns the vault names.
 */
function fillVaults(
  rng: Rng,
  doc: Doc,
  site: Site,
  kind: 'server' | 'disk',
  candidates: readonly string[],
  take: () => boolean,
): string[] {
  const perVault = 20
  const names: string[] = []
  const key = kind === 'server' ? 'serverVault' : 'diskVault'
  const nameOf = (k: number) => `vault-${kind === 'server' ? 'srv' : 'disk'}-${pad(k, 4)}`
  let current: string[] = []
  const close = () => {
    const name = nameOf(site.counters[key] + names.length)
    doc.vaults.push({ name, ...inProject(site), type: kind, resources: current })
    names.push(name)
    current = []
  }
  for (const resource of candidates) {
    if (!take()) continue
    current.push(resource)
    const vault = nameOf(site.counters[key] + names.length)
    const stale = rng.chance(0.2)
    for (let b = rng.int(1, 3); b > 0; b--)
      doc.backups.push({
        resource,
        vault,
        createdAt: ago(stale ? rng.int(10, 200) : rng.int(0, 6) + b),
        status: rng.chance(0.03) ? 'error' : 'available',
      })
    if (current.length === perVault) close()
  }
  if (current.length > 0) close()
  site.counters[key] += names.length
  return names
}

/**
 * CBR vaults, policies and backups (70% of servers, 40% of data disks) and RDS instances for
 * the servers and volumes from `first` on (this project's).
 */
export function fillOps(
  rng: Rng,
  doc: Doc,
  site: Site,
  first: { server: number; volume: number },
): void {
  const servers = doc.servers.slice(first.server).map((s) => s.name)
  const serverVaults = fillVaults(rng, doc, site, 'server', servers, () => rng.chance(0.7))
  const disks = doc.volumes
    .slice(first.volume)
    .filter((v) => v.attachedTo)
    .map((v) => v.name)
  const diskVaults = fillVaults(rng, doc, site, 'disk', disks, () => rng.chance(0.4))
  const all = [...serverVaults, ...diskVaults]
  for (let i = 0; i * 3 < all.length; i++)
    doc.backupPolicies.push({
      name: `policy-${pad(site.counters.policy++, 4)}`,
      ...inProject(site),
      enabled: rng.chance(0.8),
      retentionDays: rng.pick([3, 7, 14, 30, 90]),
      vaults: all.slice(i * 3, i * 3 + 3),
    })
  fillRds(rng, doc, site)
}

function fillRds(rng: Rng, doc: Doc, site: Site): void {
  for (let k = 0; k < Math.max(1, Math.ceil(site.servers / 50)); k++) {
    const i = site.counters.rds++
    const name = `rds-${pad(i, 4)}`
    doc.rdsInstances.push({
      name,
      ...inProject(site),
      engine: rng.pick(['MySQL', 'PostgreSQL', 'SQLServer'] as const),
      type: rng.chance(0.4) ? 'Ha' : 'Single',
      publicIp: rng.chance(0.2) ? `80.159.${Math.floor(i / 250)}.${(i % 250) + 2}` : null,
      keepDays: rng.pick([0, 1, 3, 7, 14, 30]),
      network: site.nets[0]!,
      createdAt: ago(rng.int(10, 1000)),
    })
    for (let b = 0; b < 2; b++)
      doc.rdsBackups.push({ instance: name, createdAt: ago(b + rng.int(0, 3)) })
  }
}
