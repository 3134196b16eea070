/**
 * Generates large worlds for paging, performance and throttling tests. A seeded generator fixes
 * every name, relation and age, so the same options give the same world; ratios follow a
 * typical company (per server ~1.5 volumes, 1-2 ports, ~0.3 floating IPs, ~0.6 alarms; one user
 * per 20 servers; security groups shared by ~20 servers with ~5 rules each), with a share of bad
 * practice in every duty. With `projects` and `regions` it is an organisation: each project gets
 * its share of the resources. The default (one project) is what it always was, to the byte.
 * @module
 */

import { fillCceClusters } from './_generate-cce.ts'
import { fillLoadBalancers } from './_generate-elb.ts'
import { type Counters, fillOps, fillServers, type Site } from './_generate-fill.ts'
import { fillBuckets } from './_generate-obs.ts'
import {
  ago,
  type Doc,
  FLAVORS,
  type Item,
  identity,
  images,
  pad,
  securityGroups,
} from './_generate-parts.ts'
import type { World } from './model.ts'
import { createRng, type Rng } from './prng.ts'
import { resolveWorld } from './resolve.ts'
import { WorldFile, type WorldFileInput } from './schema.ts'

/** Options of {@link generateWorld}. */
export interface GenerateOptions {
  /** Number of servers (default 1000); everything else scales with it. */
  servers?: number
  /**
   * Number of projects (default 1), spread over `regions`: first each region's main project
   * (named after it), then sub-projects `<region>_p01`, … in turn. Servers and everything of a
   * project (volumes, ports, floating IPs, security groups, networks, vaults, alarms, RDS) are
   * shared out evenly; identity, images and key pairs stay account-wide.
   */
  projects?: number
  /** Number of regions (default 1, at most {@link REGION_NAMES}' length and `projects`). */
  regions?: number
  /** PRNG seed (default 1). */
  seed?: number
  /** Relative ages count from here (epoch ms); default: now. */
  now?: number
}

/**
 * Region names, OTC's first: `eu-de` and `eu-nl` are the public regions one account spans; the
 * rest are invented (plausible OTC-style names) for organisations with more regions. (OTC's
 * Swiss `eu-ch2` is left out: it has its own IAM, so its projects are never in this domain.)
 */
export const REGION_NAMES = [
  'eu-de',
  'eu-nl',
  'eu-fr',
  'eu-at',
  'eu-pl',
  'eu-es',
  'eu-it',
  'eu-se',
  'eu-fi',
  'eu-cz',
  'eu-dk',
  'eu-be',
] as const

/** Most projects a generated world has. */
export const MAX_GENERATED_PROJECTS = 1000

/**
 * The projects of an organisation, as OTC names them: each region's main project, then
 * `<region>_pNN` round the regions.
 * @throws {RangeError} when the counts are out of range
 */
export function organisationProjects(
  projects = 1,
  regions = 1,
): { name: string; region: string }[] {
  if (!Number.isInteger(regions) || regions < 1 || regions > REGION_NAMES.length)
    throw new RangeError(`regions must be a whole number from 1 to ${REGION_NAMES.length}`)
  if (!Number.isInteger(projects) || projects < regions || projects > MAX_GENERATED_PROJECTS)
    throw new RangeError(
      `projects must be a whole number from the number of regions (${regions}) to ${MAX_GENERATED_PROJECTS}`,
    )
  const names = REGION_NAMES.slice(0, regions)
  return Array.from({ length: projects }, (_, i) => {
    const region = names[i % regions]!
    const nth = Math.floor(i / regions)
    return { name: nth === 0 ? region : `${region}_p${pad(nth, 2)}`, region }
  })
}

/** Networks of one project, numbered from `first`: 8 per VPC, /20 each. */
function networks(count: number, first: number): Item<'networks'>[] {
  return Array.from({ length: count }, (_, k) => {
    const i = first + k
    return {
      name: `net-${pad(i, 3)}`,
      vpc: `vpc-${Math.floor(i / 8)}`,
      cidr: `10.${Math.floor(i / 16)}.${(i % 16) * 16}.0/20`,
    }
  })
}

/** The account-wide part: identity, flavors, images, key pairs; no project resources yet. */
function accountDoc(rng: Rng, n: number, seed: number, projects: Doc['projects']): Doc {
  const privateImages = Math.ceil(n / 100)
  const keyPairs = Math.max(1, Math.ceil(n / 50))
  return {
    name: `generated-${n}-${seed}`,
    domain: { name: 'OTC00000000001000000777' },
    projects,
    ...identity(rng, Math.max(3, Math.ceil(n / 20))),
    flavors: FLAVORS.map((name, i) => ({ name, vcpus: 1 + (i % 4) * 2, ram: 2048 * (1 + i) })),
    images: images(rng, privateImages),
    keyPairs: Array.from({ length: keyPairs }, (_, i) => ({
      name: `key-${pad(i, 4)}`,
      createdAt: ago(rng.int(1, 900)),
    })),
    networks: [],
    securityGroups: [],
    servers: [],
    volumes: [],
    volumeBackups: [],
    floatingIps: [],
    vaults: [],
    backupPolicies: [],
    backups: [],
    alarms: [],
    trackers: [],
    rdsInstances: [],
    rdsBackups: [],
    buckets: [],
    kmsKeys: [],
    dcsInstances: [],
    loadBalancers: [],
    elbCertificates: [],
    elbSecurityPolicies: [],
    flowLogs: [],
    cceClusters: [],
  }
}

/** Fills one project with its share of `servers` and everything that scales with them. */
function fillProject(
  rng: Rng,
  doc: Doc,
  p: {
    name: string
    region: string
    index: number
    servers: number
    single: boolean
    seed: number
  },
  counters: Counters & { net: number; sg: number; bucket: number; lb: number; cluster: number },
): void {
  const project = p.single ? undefined : p.name
  const tag = project === undefined ? {} : { project }
  const nets = networks(Math.max(2, Math.ceil(p.servers / 200)), counters.net)
  const sgs = securityGroups(rng, Math.max(2, Math.ceil(p.servers / 20)), counters.sg)
  counters.net += nets.length
  counters.sg += sgs.length
  doc.networks.push(...nets.map((x) => ({ ...x, ...tag })))
  doc.securityGroups.push(...sgs.map((x) => ({ ...x, ...tag })))
  const site: Site = {
    project,
    servers: p.servers,
    azs: [1, 2, 3].map((z) => `${p.region}-0${z}`),
    nets: nets.map((x) => x.name),
    sgs: sgs.map((x) => x.name),
    privateImages: p.index === 0 ? doc.images.filter((i) => i.imageType === 'private').length : 0,
    keyPairs: doc.keyPairs.length,
    counters,
  }
  const first = { server: doc.servers.length, volume: doc.volumes.length }
  fillServers(rng, doc, site)
  fillOps(rng, doc, site, first)
  doc.trackers.push({
    name: 'system',
    ...tag,
    status: p.index % 7 === 6 ? 'disabled' : 'enabled',
    bucket: project === undefined ? 'generated-cts' : `generated-cts-${project.toLowerCase()}`,
    createdAt: '-500d',
  })
  fillBuckets(doc, { project, servers: p.servers, seed: p.seed, index: p.index }, counters)
  fillLoadBalancers(doc, { project, servers: p.servers, seed: p.seed, index: p.index }, counters)
  // A flow log on the first subnet; every third project's is switched off.
  doc.flowLogs.push({
    name: `flow-${pad(p.index, 3)}`,
    ...tag,
    resourceType: 'network',
    resource: nets[0]!.name,
    ...(p.index % 3 === 2 ? { status: 'DOWN' as const, adminState: false } : {}),
    createdAt: '-200d',
  })
  const net = nets[0]!.name
  fillCceClusters(doc, { project, servers: p.servers, seed: p.seed, index: p.index, net }, counters)
}

/** The world document for the options (validated and resolved by {@link generateWorld}). */
export function generateWorldDocument(opts: GenerateOptions = {}): WorldFileInput {
  const n = opts.servers ?? 1000
  const seed = opts.seed ?? 1
  const org = organisationProjects(opts.projects ?? 1, opts.regions ?? 1)
  const rng = createRng(seed)
  const doc = accountDoc(
    rng,
    n,
    seed,
    org.map((p) => ({ name: p.name })),
  )
  if (org.length > 1) doc.name = `generated-${n}-${seed}-${org.length}p${opts.regions ?? 1}r`
  const counters = { server: 0, spare: 0, volumeBackup: 0, serverVault: 0, diskVault: 0 }
  const all = { ...counters, policy: 0, rds: 0, net: 0, sg: 0, bucket: 0, lb: 0, cluster: 0 }
  org.forEach((p, index) => {
    // An even share; the first `n % projects` projects get one more.
    const servers = Math.floor(n / org.length) + (index < n % org.length ? 1 : 0)
    fillProject(rng, doc, { ...p, index, servers, single: org.length === 1, seed }, all)
  })
  return doc
}

/**
 * A deterministic large world: same options, same world.
 * @example
 * const world = generateWorld({ servers: 10_000, seed: 42, now: Date.parse('2025-06-01T00:00:00Z') })
 */
export function generateWorld(opts: GenerateOptions = {}): World {
  const doc = generateWorldDocument(opts)
  return resolveWorld(WorldFile.parse(doc), {
    now: opts.now,
    file: `generated world "${doc.name}"`,
  })
}
