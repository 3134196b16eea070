/**
 * From service catalog to service root. Each of our service keys is looked up under its catalog
 * types in order (aliases), filtered by interface and region; a configured endpoint override wins.
 * The endpoint handed to operations is the SERVICE ROOT: the catalog URL with trailing project-id
 * and version segments stripped (`https://ecs.eu-de.otc.t-systems.com/v2.1/<pid>` →
 * `https://ecs.eu-de.otc.t-systems.com`), because operations pass full paths
 * (`/v2.1/{project_id}/servers/detail`).
 * @module
 */
import type { CatalogEntryWire } from '../identity/auth-schemas.ts'
import { ServiceUnavailableError } from './errors.ts'
import type { ServiceKey } from './types.ts'

/** Catalog types per service key, in order of preference. */
export const CATALOG_TYPES: Readonly<Record<ServiceKey, readonly string[]>> = {
  identity: ['identity'],
  // OTC IAM extensions (/v3.0/OS-*) live on the identity host.
  iam: ['identity'],
  compute: ['compute'],
  image: ['image'],
  network: ['network'],
  volume: ['volumev3', 'block-storage', 'volumev2', 'volume', 'evs'],
  cbr: ['cbr'],
  ces: ['ces', 'cesv1', 'cesv2'],
  cts: ['ctsv3', 'cts', 'ctsv2'],
  rds: ['rdsv3', 'rds'],
  // OBS: `object` in gopher and pyotc; derived from the host pattern when absent (§0).
  obs: ['object', 'obs'],
  kms: ['kmsv1', 'kms'],
  // gopher takes `dcsv1` and swaps v1.0 for v2; the root is the same.
  dcs: ['dcsv2', 'dcs', 'dcsv1'],
  // The OTC VPC API v1 (flow logs), beside Neutron's `network`.
  vpc: ['vpc'],
  // OTC ELB: `elbv3` (dedicated, gopher NewELBV3) and `elb` (shared v2, NewELBV2) share a host;
  // on plain OpenStack, Octavia's `load-balancer` serves the same LBaaS v2 shape.
  elb: ['elbv3', 'elb', 'load-balancer'],
  // CCE: `ccev2.0` in gopher (`NewCCE` appends `api/v3/projects/<pid>/` to the catalog URL) and pyotc.
  cce: ['ccev2.0', 'cce'],
}

/**
 * Services that OTC runs at `<svc>.<region>.<domain>` even when the catalog omits them
 * (otc-api.md §1.4, §16.12): derived from any catalog host of that form in the same region.
 */
export const DERIVED_HOSTS: Readonly<Partial<Record<ServiceKey, string>>> = {
  cts: 'cts',
  ces: 'ces',
  obs: 'obs',
  kms: 'kms',
  dcs: 'dcs',
  vpc: 'vpc',
  elb: 'elb',
  cce: 'cce',
}

/**
 * Catalog types only Open Telekom Cloud publishes (otc-api.md §1.4): a plain OpenStack catalog
 * (Keystone, Nova, Glance, Neutron, Cinder, Placement, …) has none of them.
 */
export const OTC_CATALOG_TYPES: readonly string[] = [
  'ecs',
  'vpc',
  'vpc2.0',
  'evs',
  'cbr',
  'ces',
  'cesv1',
  'cesv2',
  'cts',
  'ctsv2',
  'ctsv3',
  'rdsv3',
  'kmsv1',
  'dcsv1',
  'dcsv2',
  'elbv3',
  'elb',
  'ccev2.0',
  'hss',
]

/** Whether a catalog is Open Telekom Cloud's: it lists at least one OTC-only type. */
export function isOtcCatalog(catalog: readonly CatalogEntryWire[]): boolean {
  return catalog.some((c) => OTC_CATALOG_TYPES.includes(c.type))
}

/** Why `iam` is unavailable on a cloud whose catalog is not OTC's. */
export const IAM_NOT_OTC = `not evaluable on this cloud: the IAM extension API (/v3.0/OS-*) is OTC's, and the service catalog lists no OTC service (none of ${OTC_CATALOG_TYPES.join(', ')}), so this is plain OpenStack, whose Keystone lacks it; set iam_endpoint_override if this is OTC`

/** A resolved endpoint. */
export interface ResolvedEndpoint {
  /** Service root, no trailing slash. */
  url: string
  /** How it was found. */
  source: 'override' | 'catalog' | 'derived' | 'auth_url'
  /** The catalog type used (catalog source) or the override key. */
  type?: string
  /** The region of the endpoint used, when known. */
  region?: string
}

const VERSION = /^v\d+(\.\d+)*$/i
const PROJECT_PLACEHOLDER = /^(\{(project_id|tenant_id)\}|[$%]\((project_id|tenant_id)\)s)$/

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * Strips trailing project-id segments (the id itself, `{project_id}`, `$(tenant_id)s`,
 * `%(project_id)s`) and version segments (`v2.1`, `V1.0`, `v3`) from a catalog URL.
 * @example
 * serviceRoot('https://ces.eu-de.otc.t-systems.com/V1.0/0391e448', '0391e448') // 'https://ces.eu-de.otc.t-systems.com'
 * serviceRoot('https://cce.eu-de.otc.t-systems.com/api/v3/projects/0391e448', '0391e448') // 'https://cce.eu-de.otc.t-systems.com'
 */
export function serviceRoot(url: string, projectId?: string): string {
  const u = new URL(url)
  const segs = u.pathname.split('/').filter((s) => s !== '')
  for (;;) {
    const last = segs.at(-1)
    if (last === undefined) break
    const d = decode(last)
    if (PROJECT_PLACEHOLDER.test(d) || (projectId && d === projectId) || VERSION.test(d)) segs.pop()
    else break
  }
  // CCE's resource base as pyotc configures it: `…/api/v3/projects/<pid>` (operations add it).
  if (
    segs.length >= 3 &&
    segs.at(-1) === 'projects' &&
    VERSION.test(segs.at(-2)!) &&
    segs.at(-3) === 'api'
  )
    segs.splice(-3)
  return `${u.origin}${segs.length > 0 ? `/${segs.join('/')}` : ''}`
}

const regionOf = (e: { region?: string | null; region_id?: string | null }) =>
  e.region_id ?? e.region ?? undefined

/** All regions the catalog names for these types and interface (`*` excluded). */
export function catalogRegions(
  catalog: readonly CatalogEntryWire[],
  types: readonly string[],
  iface: string,
): string[] {
  const out = new Set<string>()
  for (const entry of catalog) {
    if (!types.includes(entry.type)) continue
    for (const e of entry.endpoints) {
      const r = regionOf(e)
      if (matchesInterface(e.interface, iface) && r && r !== '*') out.add(r)
    }
  }
  return [...out].sort()
}

/**
 * The catalog types of `types` with an endpoint for this interface in `region` (or a `*`
 * endpoint), in the order of `types`: which versions of a service the catalog advertises.
 */
export function catalogTypesIn(
  catalog: readonly CatalogEntryWire[],
  types: readonly string[],
  iface: string,
  region: string | undefined,
): string[] {
  return types.filter((t) => findInCatalog(catalog, t, iface, region) !== undefined)
}

const matchesInterface = (have: string, want: string) =>
  have.toLowerCase().replace(/url$/, '') === want

/** Finds an endpoint of one catalog type: exact region first, then a `*` (global) endpoint. */
function findInCatalog(
  catalog: readonly CatalogEntryWire[],
  type: string,
  iface: string,
  region: string | undefined,
): { url: string; region?: string } | undefined {
  const eps = catalog
    .filter((c) => c.type === type)
    .flatMap((c) => c.endpoints)
    .filter((e) => matchesInterface(e.interface, iface))
  const hit =
    region === undefined
      ? eps[0]
      : (eps.find((e) => regionOf(e) === region) ?? eps.find((e) => regionOf(e) === '*'))
  return hit ? { url: hit.url, region: regionOf(hit) } : undefined
}

/** Derives `<svc>.<region>.<domain>` from another catalog host of that form (OTC naming). */
export function deriveEndpoint(
  catalog: readonly CatalogEntryWire[],
  svc: string,
  region: string | undefined,
): string | undefined {
  if (!region) return undefined
  for (const entry of catalog) {
    for (const e of entry.endpoints) {
      let u: URL
      try {
        u = new URL(e.url)
      } catch {
        continue
      }
      const [first, second, ...rest] = u.hostname.split('.')
      if (first && second === region && rest.length >= 2 && regionOf(e) !== '*')
        return `${u.protocol}//${[svc, second, ...rest].join('.')}${u.port ? `:${u.port}` : ''}`
    }
  }
  return undefined
}

/** Inputs of {@link resolveEndpoint}. */
export interface EndpointQuery {
  key: ServiceKey
  catalog: readonly CatalogEntryWire[]
  region?: string
  interface: string
  projectId: string
  /** `<type>_endpoint_override` values keyed by type (`compute`, `block_storage`). */
  overrides: Readonly<Record<string, string>>
  /** Keystone URL from the configuration: the identity endpoint when the catalog has none. */
  authUrl: string
  /** The session signs with AK/SK, which only OTC accepts: the cloud is OTC whatever its catalog. */
  otcAuth?: boolean
}

/**
 * Resolves a service key to its root: override, then catalog (aliases in order), then a derived
 * host (cts, ces) or the auth URL (identity, iam). `iam` (OTC's `/v3.0/OS-*` extensions, which
 * live on the identity host) resolves only with `iam_endpoint_override`, AK/SK authentication
 * (OTC's) or on a catalog that {@link isOtcCatalog}: a plain Keystone has no such API, and asking it for the domain-scoped
 * token IAM needs fails with 401 for project users, which would read as bad credentials.
 * @throws {ServiceUnavailableError} naming the types looked for and the regions on offer, or
 *   for `iam` on a non-OTC catalog, {@link IAM_NOT_OTC} as `reason`
 */
export function resolveEndpoint(q: EndpointQuery): ResolvedEndpoint {
  const types = CATALOG_TYPES[q.key]
  // The identity override must not make the OTC-only IAM API appear on a plain Keystone.
  const overrideNames = q.key === 'iam' ? [q.key] : [q.key, ...types]
  for (const name of overrideNames) {
    const o = q.overrides[name.replace(/-/g, '_')]
    if (o) return { url: serviceRoot(o, q.projectId), source: 'override', type: name }
  }
  if (q.key === 'iam' && !q.otcAuth && !isOtcCatalog(q.catalog))
    throw new ServiceUnavailableError(q.key, types, q.region, [], q.authUrl, IAM_NOT_OTC)
  for (const type of types) {
    const hit = findInCatalog(q.catalog, type, q.interface, q.region)
    if (hit)
      return { url: serviceRoot(hit.url, q.projectId), source: 'catalog', type, region: hit.region }
  }
  if (q.key === 'identity' || q.key === 'iam')
    return { url: serviceRoot(q.authUrl), source: 'auth_url', region: q.region }
  const regions = catalogRegions(q.catalog, types, q.interface)
  const svc = DERIVED_HOSTS[q.key]
  const derived = regions.length === 0 && svc ? deriveEndpoint(q.catalog, svc, q.region) : undefined
  if (derived) return { url: derived, source: 'derived', region: q.region }
  throw new ServiceUnavailableError(q.key, types, q.region, regions, q.authUrl)
}
