/**
 * Serving one registry operation: the route comes from `clients/operations.ts`, the handler's
 * return type is the operation's `z.input` body, and authentication, scope, project and
 * permission checks happen here once for every route.
 * @module
 */
import type { Context, Hono } from 'hono'
import type { ServiceKey } from '../clients/core/types.ts'
import { OPS, type OperationDef, type OperationKey, type WireInput } from '../clients/operations.ts'
import { mapSliced, SLICE_MS, Slicer } from '../model/time-slice.ts'
import type { WorldIndex } from './_index.ts'
import { regionOf, regionOrigin, requestPlace } from './_region.ts'
import { type AuthDeps, type AuthInfo, authenticateRequest } from './auth.ts'
import { apiNotPublished, errorBody, jsonResponse, webobNotFound } from './errors.ts'
import { MappedItems, stringifySliced, worthSlicing } from './json-slices.ts'
import type { PageBuffers } from './page-buffers.ts'
import { type LimitRule, PagingError, readLimit } from './paging.ts'
import { serves } from './world/api-versions.ts'
import type { Project, World } from './world/model.ts'

/** Hono environment of the emulator app. */
export type EmulatorEnv = {
  Variables: { service: ServiceKey; requestId: string }
  // Set by @hono/node-server; absent when the app is called in-process.
  Bindings: {
    incoming?: { socket?: { destroy(): void } }
    outgoing?: { once(event: 'close', listener: () => void): unknown }
  }
}

/** What every route shares. */
export interface Shared extends AuthDeps {
  index: WorldIndex
  /** Origin for catalog and next links; defaults to the request's origin. */
  baseUrl?: string
  /** Where another emulator serves the regional services (catalogs point there; see `catalog.ts`). */
  servicesUrl?: string
  /** How long a big list handler works before the event loop gets a turn, ms (`model/time-slice.ts`). */
  sliceMs?: number
  /** Reused buffers for big pages written to a socket (`page-buffers.ts`). */
  pages: PageBuffers
}

/** What a handler gets. */
export interface RouteContext {
  c: Context<EmulatorEnv>
  world: World
  index: WorldIndex
  auth: AuthInfo
  /** The project of the request: the path's `{project_id}`, else the token's or `X-Project-Id`. */
  project: Project
  /** The region of the request (see `_region.ts`); one of the project's. */
  region: string
  params: Record<string, string>
  /** The request URL on the advertised origin and region (for next links). */
  url: URL
  /** The origin the request's region's services are served from. */
  origin: string
  /** A query parameter. */
  q(name: string): string | undefined
  /** `limit` under the service's rule (throws a 400 on bad values). */
  limit(rule: LimitRule): number
  /** An error response in the service's format. */
  fail(status: number, message: string): Response
  /** The JSON body of a POST read (KMS), else undefined. */
  body?: unknown
  /**
   * `items.map(fn)` in time slices: a big page's wire objects are built with turns for the
   * event loop in between, so small requests are not held up behind it (`model/time-slice.ts`).
   */
  map<T, U>(items: readonly T[], fn: (item: T) => U): Promise<U[]>
  /**
   * A page's list as `items.map(fn)` writes it, for a handler to return as a field of its body
   * and nothing else: a big list's wire objects are made a chunk at a time while the answer is
   * written (json-slices.ts `MappedItems`), so a page's worth of them never lives at once.
   */
  wireList<T, U>(items: readonly T[], fn: (item: T) => U): U[]
}

/**
 * Lists shorter than this are mapped at once: a sliced loop that starts outside a turn of the
 * event loop waits for one first, and small answers (an IAM user's credentials, on a scan's
 * critical path) must not queue behind the slices of big pages.
 */
export const SLICED_MAP_MIN_ITEMS = 64

const JSON_TYPE = { 'Content-Type': 'application/json' }

/** What a handler returns: the wire body or a response, now or later. */
type Answer<B> = B | Response | Promise<B | Response>

/** The origin to advertise: the configured base URL or the request's own. */
export function originOf(c: Context, shared: Pick<Shared, 'baseUrl'>): string {
  return (shared.baseUrl ?? new URL(c.req.url).origin).replace(/\/$/, '')
}

/** An error response in the format of the request's service. */
export function failFor(c: Context<EmulatorEnv>, status: number, message: string): Response {
  const requestId = c.get('requestId')
  return jsonResponse(status, errorBody(c.get('service'), status, message, requestId))
}

/** The project a request works in, or a 403 response. */
function projectOf(
  c: Context<EmulatorEnv>,
  shared: Shared,
  auth: AuthInfo,
  pathProject: string | undefined,
): Project | Response {
  const projects = shared.world.projects
  if (auth.via === 'token') {
    if (auth.tokenProjectId === undefined)
      return failFor(c, 403, 'This API needs a project-scoped token; got a domain-scoped one.')
    if (pathProject !== undefined && pathProject !== auth.tokenProjectId)
      return failFor(c, 403, `The token is not scoped to project ${pathProject}.`)
    return projects.find((p) => p.id === auth.tokenProjectId)!
  }
  const wanted = pathProject ?? c.req.header('X-Project-Id')
  const project = wanted === undefined ? projects[0] : projects.find((p) => p.id === wanted)
  return project ?? failFor(c, 403, `Project ${wanted} is not in this account.`)
}

function denied(auth: AuthInfo, service: ServiceKey, key: string): boolean {
  return auth.user.deny.includes(service) || auth.user.deny.includes(key)
}

/** Hono path syntax from a registry path: `{project_id}` → `:project_id`. */
export const honoPath = (path: string) => path.replace(/\{([a-z_]+)\}/g, ':$1')

/** What a route needs to know about its operation (a registry entry, or an extra route). */
export type RouteDef = Pick<
  OperationDef,
  'key' | 'scope' | 'resource' | 'op' | 'path' | 'apiVersion'
> & {
  service: ServiceKey
}

/**
 * The answer for an API version the request's region does not serve (`world.apiVersions`), or
 * undefined when it does: OTC's gateway 404, or Cinder's webob 404 on a plain OpenStack. Decided
 * before authentication, as a gateway routes before it checks tokens. The region is the one of
 * the request (`requestPlace`: its path prefix, or its project's: the path's, else the token's).
 */
function versionNotServed(c: Context<EmulatorEnv>, shared: Shared, op: RouteDef) {
  if (op.apiVersion === undefined) return undefined
  const world = shared.world
  const { region } = requestPlace(shared, c.req.raw)
  if (serves(world.apiVersions, region, op.service, op.apiVersion)) return undefined
  const requestId = c.get('requestId')
  return world.cloud === 'openstack'
    ? webobNotFound(c.req.header('Accept'), requestId)
    : apiNotPublished(requestId)
}

/**
 * Registers a GET route for a registry operation (plus `aliases`, e.g. `/v3/` for `/v2/`); the
 * handler must return the operation's wire body.
 * @example
 * serve(app, shared, 'cts.ListTrackers', (r) => ({ trackers: [] }))
 */
export function serve<K extends OperationKey>(
  app: Hono<EmulatorEnv>,
  shared: Shared,
  key: K,
  handler: (r: RouteContext) => Answer<WireInput<K>>,
  aliases: readonly string[] = [],
): void {
  route(app, shared, OPS[key] as RouteDef, handler, aliases)
}

/**
 * Registers a GET route (or a POST read, whose JSON body the handler gets as `body`) for any
 * operation: authentication, scope, project and permissions first.
 */
export function route(
  app: Hono<EmulatorEnv>,
  shared: Shared,
  op: RouteDef,
  handler: (r: RouteContext) => Answer<object>,
  aliases: readonly string[] = [],
  method: 'GET' | 'POST' = 'GET',
): void {
  const h = async (c: Context<EmulatorEnv>) => {
    const absent = versionNotServed(c, shared, op)
    if (absent) return absent
    const service = op.service
    const authn = await authenticateRequest(c, shared, service, c.get('requestId'))
    if (!authn.ok) return authn.response
    const auth = authn.auth
    // IAM extension APIs take only domain-scoped (global) tokens, as on OTC.
    if (service === 'iam' && auth.via === 'token' && auth.tokenProjectId !== undefined)
      return failFor(
        c,
        403,
        'You are not authorized to perform the requested action: a domain-scoped token is required.',
      )
    const params = c.req.param() as Record<string, string>
    let project: Project
    if (op.scope === 'project') {
      const p = projectOf(c, shared, auth, params.project_id)
      if (p instanceof Response) return p
      project = p
    } else {
      project = shared.world.projects[0]!
      if (params.domain_id !== undefined && params.domain_id !== shared.world.domain.id)
        return failFor(c, 403, `Domain ${params.domain_id} is not the caller's domain.`)
    }
    const region = regionOf(shared.world, c.req.raw, project)
    if (op.scope === 'project' && !project.regions.includes(region))
      return failFor(c, 404, `Project ${project.id} has no endpoints in region ${region}.`)
    if (denied(auth, service, op.key))
      return failFor(
        c,
        403,
        `Policy doesn't allow ${service}:${op.resource}:${op.op} to be performed.`,
      )
    let body: unknown
    if (method === 'POST') {
      try {
        body = await c.req.json()
      } catch {
        return failFor(c, 400, 'The request body is not valid JSON.')
      }
    }
    const origin = regionOrigin(shared.world, originOf(c, shared), region)
    const own = new URL(c.req.url)
    const sliceMs = shared.sliceMs ?? SLICE_MS
    // The query is parsed once per request, not once per `q` (handlers filter item by item).
    let query: Record<string, string> | undefined
    const ctx: RouteContext = {
      c,
      world: shared.world,
      index: shared.index,
      auth,
      project,
      region,
      params,
      url: new URL(`${origin}${own.pathname}${own.search}`),
      origin,
      q: (name) => {
        query ??= c.req.query()
        return query[name]
      },
      limit: (rule) => readLimit(c.req.query('limit'), rule),
      fail: (status, message) => failFor(c, status, message),
      body,
      map: async (items, fn) =>
        items.length < SLICED_MAP_MIN_ITEMS
          ? items.map((item) => fn(item))
          : mapSliced(items, (item) => fn(item), sliceMs),
      wireList: <T, U>(items: readonly T[], fn: (item: T) => U): U[] =>
        items.length < SLICED_MAP_MIN_ITEMS
          ? items.map((item) => fn(item))
          : // Written as the list it stands for (json-slices.ts); never read as an array.
            (new MappedItems(items, fn) as unknown as U[]),
    }
    try {
      const body = await handler(ctx)
      if (body instanceof Response) return body
      if (!worthSlicing(body)) return c.json(body)
      // A big page is written in slices too; the text is JSON.stringify's (json-slices.ts).
      const parts = (await stringifySliced(body, new Slicer(sliceMs))) as string[]
      const outgoing = c.env?.outgoing
      if (!outgoing) return c.body(parts.join(''), undefined, JSON_TYPE)
      // On a socket: encoded into a reused buffer, given back once the answer is written.
      const page = shared.pages.encode(parts)
      outgoing.once('close', page.release)
      return c.body(page.bytes, undefined, JSON_TYPE)
    } catch (err) {
      if (err instanceof PagingError) return failFor(c, 400, err.message)
      throw err
    }
  }
  for (const path of [op.path, ...aliases])
    if (method === 'POST') app.post(honoPath(path), h)
    else app.get(honoPath(path), h)
}
