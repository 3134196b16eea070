/**
 * Regions of a request. A plain OpenStack serves every project in each of its regions: the first
 * region at the origin, the others under `/region/<name>/` (the catalog points there); the
 * emulator strips that prefix before routing and remembers the region. On OTC a project has one
 * region, so the region follows from the project: the one in the path, else the token's, else
 * `X-Project-Id` (AK/SK), else the first. Both are known before authentication, as a regional
 * gateway knows its region from the host it was reached on.
 * @module
 */
import type { TokenStore } from './keystone.ts'
import type { Project, World } from './world/model.ts'

/** The path prefix of a region that is not served at the origin itself. */
export const REGION_PREFIX = '/region/'

/** Where `region`'s services are: the origin, or `<origin>/region/<name>`. */
export function regionOrigin(world: World, origin: string, region: string): string {
  return world.cloud === 'otc' || region === world.regions[0]
    ? origin
    : `${origin}${REGION_PREFIX}${encodeURIComponent(region)}`
}

const prefixRegions = new WeakMap<Request, string>()

/**
 * A request for `/region/<name>/…` as the request for `/…`, with the region remembered (see
 * {@link prefixRegion}); other requests as they are; an unknown region as a 404 response.
 */
export function stripRegion(world: World, req: Request): Request | Response {
  const url = new URL(req.url)
  if (!url.pathname.startsWith(REGION_PREFIX)) return req
  const rest = url.pathname.slice(REGION_PREFIX.length)
  const cut = rest.indexOf('/')
  const region = decodeURIComponent(cut < 0 ? rest : rest.slice(0, cut))
  if (!world.regions.includes(region))
    return Response.json(
      { message: `No region "${region}" here; expected one of: ${world.regions.join(', ')}` },
      { status: 404 },
    )
  url.pathname = cut < 0 ? '/' : rest.slice(cut)
  const inner = new Request(url, req)
  prefixRegions.set(inner, region)
  return inner
}

/** The region a request named in its path prefix, if any. */
export function prefixRegion(req: Request): string | undefined {
  return prefixRegions.get(req)
}

/** The region a request for `project` is for: its path prefix, else the project's (OTC) or the first region (OpenStack). */
export function regionOf(world: World, req: Request, project: Project): string {
  return prefixRegion(req) ?? (world.cloud === 'otc' ? project.region : world.regions[0]!)
}

/** What {@link requestPlace} looks at. */
export interface RegionDeps {
  world: World
  tokens: TokenStore
  clock: () => number
}

/** The project and region a request is for; see the module comment for the order. */
export function requestPlace(deps: RegionDeps, req: Request): { project: Project; region: string } {
  const project = requestProject(deps, new URL(req.url).pathname, req.headers)
  return { project, region: regionOf(deps.world, req, project) }
}

function requestProject(
  deps: RegionDeps,
  path: string,
  headers: { get(name: string): string | null },
): Project {
  const projects = projectsById(deps.world)
  const byId = (id: string | null | undefined) => (id ? projects.get(id) : undefined)
  for (const segment of path.split('/')) {
    const p = byId(segment)
    if (p) return p
  }
  const token = headers.get('X-Auth-Token')
  const info = token ? deps.tokens.lookup(token, deps.clock()) : undefined
  const fromToken = info && info !== 'expired' ? byId(info.projectId) : undefined
  return fromToken ?? byId(headers.get('X-Project-Id')) ?? deps.world.projects[0]!
}

const cache = new WeakMap<World, Map<string, Project>>()

function projectsById(world: World): Map<string, Project> {
  let m = cache.get(world)
  if (!m) {
    m = new Map(world.projects.map((p) => [p.id, p]))
    cache.set(world, m)
  }
  return m
}
