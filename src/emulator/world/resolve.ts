/**
 * Turns a validated world file into the {@link World} the emulator serves: ids derived,
 * references checked, times resolved against `now`. Every problem is collected and reported at
 * once as an {@link InputError} naming the file and the path.
 * @module
 */
import { InputError } from '../../model/input-error.ts'
import { NameTable, ResolveContext } from './_context.ts'
import { type ApiVersionsConfig, defaultVersions } from './api-versions.ts'
import type * as M from './model.ts'
import type { MissingServices } from './regional-services.ts'
import { resolveCceClusters } from './resolve-cce.ts'
import {
  resolveFlavors,
  resolveImages,
  resolveKeyPairs,
  resolveNetworks,
  resolveSecurityGroups,
} from './resolve-compute.ts'
import { resolveElb } from './resolve-elb.ts'
import {
  checkAccessKeysUnique,
  resolveAgencies,
  resolveAppCredentials,
  resolveDomain,
  resolveGroups,
  resolveProjects,
  resolveUsers,
  worldRegions,
} from './resolve-identity.ts'
import { resolveDcsInstances, resolveFlowLogs, resolveKmsKeys } from './resolve-kms.ts'
import { resolveBuckets } from './resolve-obs.ts'
import {
  resolveAlarms,
  resolveBackups,
  resolvePolicies,
  resolveRdsBackups,
  resolveRdsInstances,
  resolveTrackers,
  resolveVaults,
} from './resolve-ops.ts'
import {
  IpAllocator,
  resolveFloatingIps,
  resolveServers,
  resolveVolumeBackups,
  resolveVolumes,
} from './resolve-servers.ts'
import type { WorldFileData } from './schema.ts'
import { resolveTime } from './time.ts'

/** The services each named region lacks (regions without any are left out). */
function resolveMissingServices(f: WorldFileData): MissingServices {
  return Object.fromEntries(
    Object.entries(f.regions)
      .filter(([, v]) => v.missingServices.length > 0)
      .map(([r, v]) => [r, v.missingServices]),
  )
}

/** The world's API versions: the cloud's defaults, the file's, then each named region's. */
function resolveApiVersions(
  f: WorldFileData,
  projects: readonly M.Project[],
  ctx: ResolveContext,
): ApiVersionsConfig {
  const given = (v: WorldFileData['apiVersions']) =>
    Object.fromEntries(Object.entries(v).filter(([, list]) => list !== undefined))
  const regions = [...new Set(projects.map((p) => p.region))]
  // On a plain OpenStack `regions:` names the cloud's further regions; on OTC a project's region.
  for (const r of f.cloud === 'otc' ? Object.keys(f.regions) : [])
    if (!regions.includes(r))
      ctx.issue(
        `regions.${r}`,
        `no project is in region "${r}"; expected one of: ${regions.map((x) => `"${x}"`).join(', ')}`,
      )
  return {
    default: { ...defaultVersions(f.cloud), ...given(f.apiVersions) },
    regions: Object.fromEntries(
      Object.entries(f.regions).map(([r, v]) => [r, given(v.apiVersions)]),
    ),
  }
}

export interface ResolveOptions {
  /** Relative times count from here (epoch ms); overrides the file's `now`. Default: the file's `now`, else the current time. */
  now?: number
  /** Named in errors. */
  file?: string
}

/**
 * Resolves a validated world file.
 * @throws {InputError} listing every unknown reference, duplicate name or bad time
 */
export function resolveWorld(f: WorldFileData, opts: ResolveOptions = {}): M.World {
  const now = opts.now ?? (f.now === undefined ? Date.now() : resolveTime(f.now, Date.now()))
  const ctx = new ResolveContext(now)
  const table = <T extends { name: string }>(kind: string) => new NameTable<T>(ctx, kind)
  const t = {
    groups: table<M.Group>('group'),
    users: table<M.User>('user'),
    flavors: table<M.Flavor>('flavor'),
    images: table<M.Image>('image'),
    keyPairs: table<M.KeyPair>('key pair'),
    networks: table<M.Network>('network'),
    securityGroups: table<M.SecurityGroup>('security group'),
    servers: table<M.Server>('server'),
    volumes: table<M.Volume>('volume'),
    vaults: table<M.Vault>('vault'),
    rdsInstances: table<M.RdsInstance>('RDS instance'),
  }
  const domain = resolveDomain(f)
  const projects = resolveProjects(f, ctx)
  const groups = resolveGroups(f, ctx, t.groups)
  const users = resolveUsers(f, ctx, t.groups, t.users)
  checkAccessKeysUnique(users, ctx)
  const owner = users.find((u) => u.isDomainOwner) ?? users[0]
  const fallbackUserId = owner?.id ?? ''
  const ips = new IpAllocator()
  const flavors = resolveFlavors(f, t.flavors)
  const images = resolveImages(f, ctx, t.images)
  const keyPairs = resolveKeyPairs(f, ctx, t.users, fallbackUserId, t.keyPairs)
  const networks = resolveNetworks(f, ctx, t.networks)
  const securityGroups = resolveSecurityGroups(f, ctx, t.securityGroups)
  const { servers, ports, systemDisks } = resolveServers(f, ctx, t, fallbackUserId, ips)
  const volumes = resolveVolumes(f, ctx, t, systemDisks)
  const vaults = resolveVaults(f, ctx, t, volumes)
  const backupPolicies = resolvePolicies(f, ctx, t.vaults)
  const world: M.World = {
    name: f.name,
    description: f.description,
    cloud: f.cloud,
    now,
    regions: worldRegions(f),
    apiVersions: resolveApiVersions(f, projects, ctx),
    missingServices: resolveMissingServices(f),
    allowTokenRescope: f.allowTokenRescope,
    domain,
    projects,
    groups,
    users,
    applicationCredentials: resolveAppCredentials(f, ctx, t.users),
    agencies: resolveAgencies(f, ctx),
    flavors,
    images,
    keyPairs,
    networks,
    securityGroups,
    ports,
    servers,
    volumes,
    volumeBackups: resolveVolumeBackups(f, ctx, t.volumes),
    floatingIps: resolveFloatingIps(f, ctx, t.servers),
    vaults,
    backupPolicies,
    backups: resolveBackups(f, ctx, t, vaults, backupPolicies),
    alarms: resolveAlarms(f, ctx, t.servers),
    trackers: resolveTrackers(f, ctx),
    rdsInstances: resolveRdsInstances(f, ctx, t, ips),
    rdsBackups: [],
    buckets: resolveBuckets(f, ctx, domain),
    kmsKeys: resolveKmsKeys(f, ctx),
    dcsInstances: resolveDcsInstances(f, ctx, t, ips),
    flowLogs: [],
    loadBalancers: [],
    elbCertificates: [],
    elbSecurityPolicies: [],
    cceClusters: resolveCceClusters(f, ctx, t, ips),
  }
  const elb = resolveElb(f, ctx)
  world.loadBalancers = elb.loadBalancers
  world.elbCertificates = elb.elbCertificates
  world.elbSecurityPolicies = elb.elbSecurityPolicies
  world.floatingIps.push(...elb.floatingIps)
  world.rdsBackups = resolveRdsBackups(f, ctx, t.rdsInstances)
  world.flowLogs = resolveFlowLogs(f, ctx, world)
  if (ctx.issues.length > 0) throw new InputError(opts.file ?? `world "${f.name}"`, ctx.issues)
  return world
}
