/**
 * The service catalog of a token: every service on the emulator's origin under its path prefix,
 * with OTC's catalog types (otc-api.md §1.4) or a plain OpenStack's, and for services offered in
 * several API versions only the versions the project's region serves (world `apiVersions`).
 * @module
 */
import type { z } from 'zod'
import type { CatalogEntryWire } from '../clients/identity/auth-schemas.ts'
import { regionOrigin } from './_region.ts'
import { defaultVersions, type ServedVersions, servedVersions } from './world/api-versions.ts'
import { hexFor } from './world/ids.ts'
import type { Project, World } from './world/model.ts'
import type { RegionalService } from './world/regional-services.ts'

/** A catalog as the token body carries it. */
export type Catalog = z.input<typeof CatalogEntryWire>[]

/**
 * The catalog of one project: every service at `origin` + its prefix, with OTC's types
 * (otc-api.md §1.4), or, for a plain OpenStack world, the types of a Zed control plane
 * (identity, compute, image, network, block-storage + volumev3): no OTC-only type, no CBR,
 * Cloud Eye, CTS or RDS. Services offered in several API versions list only those `versions`
 * (the project's region's) include; services in `missing` are left out.
 */
export function buildCatalog(
  origin: string,
  project: Project | undefined,
  cloud: World['cloud'] = 'otc',
  versions: ServedVersions = defaultVersions(cloud),
  missing: readonly RegionalService[] = [],
  serviceOrigin = origin,
): Catalog {
  const identity: Catalog[number] = {
    type: 'identity',
    name: 'keystone',
    id: hexFor('catalog', 'identity'),
    endpoints: [
      ...(project ? [endpoint('identity', project.region, `${origin}/identity/v3`)] : []),
      endpoint('identity', '*', `${origin}/identity/v3`),
    ],
  }
  if (!project) return [identity]
  const pid = project.id
  const entries: [type: string, name: string, url: string][] =
    cloud === 'openstack'
      ? openstackEntries(serviceOrigin, pid, versions)
      : otcEntries(serviceOrigin, pid, versions, project.region, origin)
  const offered = entries.filter(([type]) => !missing.includes(SERVICE_OF_TYPE[type]!))
  return [
    ...offered.map(([type, name, url]) => ({
      type,
      name,
      id: hexFor('catalog', type),
      endpoints: [endpoint(type, project.region, url)],
    })),
    identity,
  ]
}

type Entry = [type: string, name: string, url: string]

/** The service behind each catalog type this module writes (to leave out a missing one). */
const SERVICE_OF_TYPE: Readonly<Record<string, RegionalService>> = {
  compute: 'compute',
  image: 'image',
  network: 'network',
  'block-storage': 'volume',
  volumev2: 'volume',
  volumev3: 'volume',
  evs: 'volume',
  cbr: 'cbr',
  ces: 'ces',
  cesv1: 'ces',
  cesv2: 'ces',
  cts: 'cts',
  ctsv3: 'cts',
  rdsv3: 'rds',
  object: 'obs',
  kmsv1: 'kms',
  dcsv1: 'dcs',
  vpc: 'vpc',
  elbv3: 'elb',
  elb: 'elb',
  'load-balancer': 'elb',
  'ccev2.0': 'cce',
}

function openstackEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  const v2 = has(versions, 'volume', 'v2')
  const v3 = has(versions, 'volume', 'v3')
  return [
    computeEntry(origin, pid, versions),
    ['image', 'glance', `${origin}/image`],
    ['network', 'neutron', `${origin}/network`],
    ...(v3 ? ([['block-storage', 'cinder', `${origin}/volume/v3/${pid}`]] as Entry[]) : []),
    ...(v2 ? ([['volumev2', 'cinderv2', `${origin}/volume/v2/${pid}`]] as Entry[]) : []),
    ...(v3 ? ([['volumev3', 'cinderv3', `${origin}/volume/v3/${pid}`]] as Entry[]) : []),
    // Octavia: its catalog URL has no version; `/v2` and (older) `/v2.0` hang below it.
    ['load-balancer', 'octavia', `${origin}/elb`],
  ]
}

const has = <S extends keyof ServedVersions>(v: ServedVersions, s: S, version: string) =>
  (v[s] as readonly string[]).includes(version)

/** Nova at v2.1, or at the legacy v2 where the region serves only that (2019's OTC catalog). */
function computeEntry(origin: string, pid: string, versions: ServedVersions): Entry {
  const v = has(versions, 'compute', 'v2.1') ? 'v2.1' : 'v2'
  return ['compute', 'nova', `${origin}/compute/${v}/${pid}`]
}

/** Cinder as OTC's catalog names it: v2 as `volumev2` and `evs`, v3 as `volumev3`. */
function otcVolumeEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  const v2 = has(versions, 'volume', 'v2')
  return [
    ...(v2 ? ([['volumev2', 'cinderv2', `${origin}/volume/v2/${pid}`]] as Entry[]) : []),
    ...(has(versions, 'volume', 'v3')
      ? ([['volumev3', 'cinderv3', `${origin}/volume/v3/${pid}`]] as Entry[])
      : []),
    ...(v2 ? ([['evs', 'evs', `${origin}/volume/v2/${pid}`]] as Entry[]) : []),
  ]
}

/**
 * Cloud Eye and CTS as OTC's catalog names them (otc-api.md §1.4): Cloud Eye v1 as `ces` (no
 * project id) and `cesv1`, CTS v1 as `cts`. OTC's catalog does not list Cloud Eye v2 or CTS v3
 * even where they are served (clients derive them), so `cesv2` and `ctsv3` (newer SDKs' names)
 * appear only for a region that serves that version alone: a version a region does not serve is
 * never listed.
 */
function otcMonitoringEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  const ces: Entry[] = has(versions, 'ces', 'v1')
    ? [
        ['ces', 'cloudeye', `${origin}/ces/V1.0/`],
        ['cesv1', 'cesv1', `${origin}/ces/V1.0/${pid}`],
      ]
    : [['cesv2', 'cesv2', `${origin}/ces/v2/${pid}`]]
  const cts: Entry = has(versions, 'cts', 'v1')
    ? ['cts', 'cts', `${origin}/cts/v1.0/${pid}`]
    : ['ctsv3', 'ctsv3', `${origin}/cts/v3/${pid}`]
  return [...ces, cts]
}

function otcEntries(
  origin: string,
  pid: string,
  versions: ServedVersions,
  region: string,
  obsOrigin: string,
): Entry[] {
  return [
    computeEntry(origin, pid, versions),
    ['image', 'glance', `${origin}/image`],
    ['network', 'neutron', `${origin}/network`],
    ...otcVolumeEntries(origin, pid, versions),
    ['cbr', 'cbr', `${origin}/cbr/v3/${pid}`],
    ...otcMonitoringEntries(origin, pid, versions),
    ['rdsv3', 'rdsv3', `${origin}/rds/v3/${pid}`],
    // OBS is regional by host on OTC; here by path, so a request says its region. It stays with
    // Keystone and IAM (`obsOrigin`) when another emulator serves the rest: it signs with IAM's
    // temporary keys, which only the emulator that issued them knows.
    ['object', 'obs', `${obsOrigin}/obs/${region}`],
    ['kmsv1', 'kmsv1', `${origin}/kms/v1.0/${pid}`],
    // As OTC's catalog (and gopher) name DCS: `dcsv1` at v1.0; clients derive v2.
    ['dcsv1', 'dcsv1', `${origin}/dcs/v1.0/${pid}`],
    ['vpc', 'vpc', `${origin}/vpc/v1/${pid}`],
    // As gopher reads `ccev2.0`: the bare host (it appends `api/v3/projects/<pid>/`).
    ['ccev2.0', 'ccev2.0', `${origin}/cce`],
    ...otcElbEntries(origin, pid, versions),
  ]
}

/** ELB as gopher reads OTC's catalog: `elbv3` for dedicated, `elb` (at v1.0) for shared v2.0. */
function otcElbEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  return [
    ...(has(versions, 'elb', 'v3')
      ? ([['elbv3', 'elbv3', `${origin}/elb/v3/${pid}`]] as Entry[])
      : []),
    ...(has(versions, 'elb', 'v2.0')
      ? ([['elb', 'elb', `${origin}/elb/v1.0/${pid}`]] as Entry[])
      : []),
  ]
}

function endpoint(type: string, region: string, url: string): Catalog[number]['endpoints'][number] {
  return {
    id: hexFor('endpoint', type, region),
    interface: 'public',
    region,
    region_id: region,
    url,
  }
}

/**
 * The catalog of `project` in `world`: endpoints in each of its regions (OTC: its one; a plain
 * OpenStack: every region, the first at the origin, the others under `/region/<name>`), each
 * with the versions that region serves and without the services it lacks
 * (`regions.<region>.missingServices`). `servicesOrigin`: where another emulator serves the
 * regional services (Keystone, IAM and OBS stay at `origin`).
 */
export function catalogOf(
  world: World,
  origin: string,
  project: Project | undefined,
  servicesOrigin = origin,
): Catalog {
  if (!project) return buildCatalog(origin, undefined, world.cloud)
  const perRegion = project.regions.map((region) =>
    buildCatalog(
      origin,
      { ...project, region },
      world.cloud,
      servedVersions(world.apiVersions, region),
      world.missingServices[region] ?? [],
      regionOrigin(world, servicesOrigin, region),
    ),
  )
  return perRegion.length === 1 ? perRegion[0]! : mergeRegions(perRegion)
}

/** One catalog from per-region ones: each type once, with the endpoints of every region. */
function mergeRegions(catalogs: readonly Catalog[]): Catalog {
  const byType = new Map<string, Catalog[number]>()
  for (const entry of catalogs.flat()) {
    const seen = byType.get(entry.type)
    if (!seen) byType.set(entry.type, { ...entry, endpoints: [...entry.endpoints] })
    else
      for (const e of entry.endpoints)
        if (!seen.endpoints.some((x) => x.id === e.id)) seen.endpoints.push(e)
  }
  // Keystone's global endpoint (`*`) goes after the regional ones, as in a single region.
  for (const entry of byType.values())
    entry.endpoints.sort((a, b) => Number(a.region === '*') - Number(b.region === '*'))
  return [...byType.values()]
}
