/**
 * Keystone `/v3` under `/identity`: token issuing, the catalog and the account's projects,
 * users and groups (otc-api.md §1, §9.1, §9.5).
 * @module
 */
import { Hono } from 'hono'
import type { z } from 'zod'
import type {
  AuthCatalogResponse,
  AuthDomainsResponse,
} from '../../clients/identity/auth-schemas.ts'
import { TokenRequest } from '../../clients/identity/auth-schemas.ts'
import type { WireInput } from '../../clients/operations.ts'
import {
  type EmulatorEnv,
  failFor,
  originOf,
  type RouteContext,
  type Shared,
  serve,
} from '../_route.ts'
import { authenticateRequest } from '../auth.ts'
import { catalogOf } from '../catalog.ts'
import { AuthFailure, issueToken, tokenBody } from '../keystone.ts'
import { nextUrl, PagingError } from '../paging.ts'
import { hexFor } from '../world/ids.ts'
import type { Group, Project, User, World } from '../world/model.ts'
import { fmt } from '../world/time.ts'

type Links = WireInput<'identity.ListProjects'>['links']

/** Keystone paging: `page` (1-based) and `per_page`; everything when `per_page` is absent. */
function keystonePage<T>(r: RouteContext, items: readonly T[]): { page: T[]; links: Links } {
  const perRaw = r.q('per_page')
  const pageRaw = r.q('page') ?? '1'
  if (perRaw !== undefined && !/^\d+$/.test(perRaw))
    throw new PagingError('per_page must be an integer')
  if (!/^\d+$/.test(pageRaw) || Number(pageRaw) < 1)
    throw new PagingError('page must be a positive integer')
  const self = r.url.href
  if (perRaw === undefined) return { page: [...items], links: { self, previous: null, next: null } }
  const per = Math.min(Math.max(Number(perRaw), 1), 5000)
  const page = Number(pageRaw)
  const start = (page - 1) * per
  return {
    page: items.slice(start, start + per),
    links: {
      self,
      previous: page > 1 ? nextUrl(r.url, { page: page - 1, per_page: per }).href : null,
      next:
        start + per < items.length ? nextUrl(r.url, { page: page + 1, per_page: per }).href : null,
    },
  }
}

/**
 * OTC's built-in project `MOS` ("default project name of OBS"), which shows up in project lists
 * though it is no region (otc-api-platform.md §9.2). Listed, never scoped to: a token request for
 * it fails as for an unknown project (what OTC does is not documented).
 */
function mosProject(world: World): Project {
  const description = 'default project name of OBS'
  const id = hexFor('project', world.domain.name, 'MOS')
  return { id, name: 'MOS', region: '', regions: [], description }
}

/** The projects lists show: the world's, plus `MOS` on OTC. */
export function listedProjects(world: World): Project[] {
  return world.cloud === 'otc' ? [...world.projects, mosProject(world)] : [...world.projects]
}

/** OTC: a sub-project's parent is its region's project (`eu-de_dev` → `eu-de`); else the domain. */
function parentOf(world: World, p: Project): string {
  if (world.cloud !== 'otc' || !p.name.includes('_')) return world.domain.id
  return world.projects.find((x) => x.name === p.region)?.id ?? world.domain.id
}

function projectWire(world: World, p: Project, origin: string) {
  return {
    id: p.id,
    name: p.name,
    domain_id: world.domain.id,
    description: p.description,
    enabled: true,
    parent_id: parentOf(world, p),
    is_domain: false,
    links: { self: `${origin}/identity/v3/projects/${p.id}` },
  } satisfies WireInput<'identity.ListProjects'>['projects'][number]
}

/** A user as `/v3/users` lists it. */
export function userWire(world: World, u: User, origin: string) {
  return {
    id: u.id,
    name: u.name,
    domain_id: world.domain.id,
    enabled: u.enabled,
    description: u.description,
    default_project_id: world.projects[0]?.id ?? '',
    password_expires_at: u.passwordExpiresAt === null ? null : fmt.isoMicrosZ(u.passwordExpiresAt),
    pwd_status: u.mustChangePassword,
    pwd_strength: 'Strong',
    last_project_id: world.projects[0]?.id ?? '',
    links: { self: `${origin}/identity/v3/users/${u.id}` },
  } satisfies WireInput<'identity.ListUsers'>['users'][number]
}

function groupWire(world: World, g: Group, origin: string) {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    domain_id: world.domain.id,
    create_time: g.createdAt,
    links: { self: `${origin}/identity/v3/groups/${g.id}` },
  } satisfies WireInput<'identity.ListGroups'>['groups'][number]
}

const matches = (want: string | undefined, value: string | boolean) =>
  want === undefined || String(value) === want

/** Keystone routes. */
export function identityRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared

  app.get('/v3', (c) =>
    c.json({
      version: {
        id: 'v3.6',
        status: 'stable',
        updated: '2016-04-04T00:00:00Z',
        links: [{ rel: 'self', href: `${originOf(c, shared)}/identity/v3/` }],
        'media-types': [
          { base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' },
        ],
      },
    }),
  )

  app.post('/v3/auth/tokens', async (c) => {
    let raw: unknown
    try {
      raw = await c.req.json()
    } catch {
      return failFor(c, 400, 'The request body is not valid JSON.')
    }
    const parsed = TokenRequest.safeParse(raw)
    if (!parsed.success)
      return failFor(c, 400, `Invalid token request: ${parsed.error.issues[0]?.message}`)
    try {
      const { token, body } = issueToken(world, shared.tokens, parsed.data, {
        now: shared.clock(),
        origin: originOf(c, shared),
        catalog: c.req.query('nocatalog') === undefined,
        servicesOrigin: shared.servicesUrl,
      })
      c.header('X-Subject-Token', token)
      return c.json(body, 201)
    } catch (err) {
      if (err instanceof AuthFailure) return failFor(c, err.status, err.message)
      throw err
    }
  })

  // Validation, as services (keystonemiddleware) ask it: the caller's own token in X-Auth-Token,
  // the one to check in X-Subject-Token. An unknown or expired subject is Keystone's 404.
  app.get('/v3/auth/tokens', async (c) => {
    const authn = await authenticateRequest(c, shared, 'identity', c.get('requestId'))
    if (!authn.ok) return authn.response
    const subject = c.req.header('X-Subject-Token')
    if (!subject) return failFor(c, 400, 'X-Subject-Token is required.')
    const info = shared.tokens.lookup(subject, shared.clock())
    const known = info && info !== 'expired' ? info : undefined
    const user = known && world.users.find((u) => u.id === known.userId)
    if (!known || !user?.enabled) return failFor(c, 404, `Could not find token: ${subject}.`)
    c.header('X-Subject-Token', subject)
    return c.json(
      tokenBody(world, user, known, {
        origin: originOf(c, shared),
        catalog: c.req.query('nocatalog') === undefined,
        servicesOrigin: shared.servicesUrl,
      }),
    )
  })

  app.get('/v3/auth/catalog', async (c) => {
    const authn = await authenticateRequest(c, shared, 'identity', c.get('requestId'))
    if (!authn.ok) return authn.response
    const pid = authn.auth.tokenProjectId ?? c.req.header('X-Project-Id')
    const project = world.projects.find((p) => p.id === pid)
    const origin = originOf(c, shared)
    return c.json({
      catalog: catalogOf(world, origin, project, shared.servicesUrl),
      links: { self: `${origin}/identity/v3/auth/catalog` },
    } satisfies z.input<typeof AuthCatalogResponse>)
  })

  app.get('/v3/auth/domains', async (c) => {
    const authn = await authenticateRequest(c, shared, 'identity', c.get('requestId'))
    if (!authn.ok) return authn.response
    const origin = originOf(c, shared)
    return c.json({
      domains: [{ id: world.domain.id, name: world.domain.name, enabled: true }],
      links: { self: `${origin}/identity/v3/auth/domains` },
    } satisfies z.input<typeof AuthDomainsResponse>)
  })

  app.get('/v3/auth/projects', async (c) => {
    const authn = await authenticateRequest(c, shared, 'identity', c.get('requestId'))
    if (!authn.ok) return authn.response
    const origin = originOf(c, shared)
    // Only the projects the caller has a role in (Keystone semantics), plus OTC's MOS (the
    // one listed project without a region).
    const roles = new Set(authn.auth.user.projectIds)
    const mine = listedProjects(world).filter((p) => roles.has(p.id) || p.region === '')
    return c.json({
      projects: mine.map((p) => projectWire(world, p, origin)),
      links: { self: `${origin}/identity/v3/auth/projects`, previous: null, next: null },
    } satisfies WireInput<'identity.ListProjects'>)
  })

  // Every project of the domain, whether or not the caller has a role in it.
  serve(app, shared, 'identity.ListProjects', (r) => {
    const items = listedProjects(world).filter(
      (p) =>
        matches(r.q('name'), p.name) &&
        matches(r.q('domain_id'), world.domain.id) &&
        matches(r.q('parent_id'), parentOf(world, p)) &&
        matches(r.q('enabled'), true) &&
        matches(r.q('is_domain'), false),
    )
    const { page, links } = keystonePage(r, items)
    return { projects: page.map((p) => projectWire(world, p, r.origin)), links }
  })

  serve(app, shared, 'identity.ListUsers', async (r) => {
    const items = world.users.filter(
      (u) =>
        matches(r.q('name'), u.name) &&
        matches(r.q('enabled'), u.enabled) &&
        matches(r.q('domain_id'), world.domain.id),
    )
    const { page, links } = keystonePage(r, items)
    return { users: r.wireList(page, (u) => userWire(world, u, r.origin)), links }
  })

  serve(app, shared, 'identity.ListGroups', (r) => {
    const items = world.groups.filter(
      (g) => matches(r.q('name'), g.name) && matches(r.q('domain_id'), world.domain.id),
    )
    const { page, links } = keystonePage(r, items)
    return { groups: page.map((g) => groupWire(world, g, r.origin)), links }
  })

  serve(app, shared, 'identity.ListGroupUsers', async (r) => {
    const group = world.groups.find((g) => g.id === r.params.group_id)
    if (!group) return r.fail(404, `Could not find group: ${r.params.group_id}.`)
    const { page, links } = keystonePage(
      r,
      world.users.filter((u) => u.groupIds.includes(group.id)),
    )
    return { users: r.wireList(page, (u) => userWire(world, u, r.origin)), links }
  })

  return app
}
