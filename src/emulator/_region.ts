/**
 * The project (and so the region) a request is for, found before authentication, as a regional
 * gateway knows its region from the host it was reached on: the project id in the path, else the
 * project of the request's token, else `X-Project-Id` (AK/SK), else the world's first project.
 * @module
 */
import type { TokenStore } from './keystone.ts'
import type { Project, World } from './world/model.ts'

/** What {@link requestProject} looks at. */
export interface RegionDeps {
  world: World
  tokens: TokenStore
  clock: () => number
}

/** The project a request is for; see the module comment for the order. */
export function requestProject(
  deps: RegionDeps,
  path: string,
  headers: { get(name: string): string | null | undefined },
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
