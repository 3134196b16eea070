/**
 * The emulator as a Hono app: every service on one origin under its path prefix, Keystone
 * pointing the catalog at itself, faults injected before routing, request ids on every answer.
 * Call it in-process with `app.request()` / `app.fetch()`, or serve it with `startEmulator`.
 * @module
 */
import { type Context, Hono, type Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ServiceKey } from '../clients/core/types.ts'
import { WorldIndex } from './_index.ts'
import { requestPlace, stripRegion } from './_region.ts'
import { type EmulatorEnv, failFor, type Shared } from './_route.ts'
import { accessKeyIndex } from './auth.ts'
import { APIGW, apiNotPublished, gatewayBody, jsonResponse, webobNotFound } from './errors.ts'
import { type EmulatorStats, FaultInjector, type FaultOptions } from './faults.ts'
import { SERVICE_PREFIX, TokenStore } from './keystone.ts'
import { type LoadStats, LoadTracker } from './load-stats.ts'
import { PageBuffers } from './page-buffers.ts'
import { remoteTokens } from './remote-tokens.ts'
import { cbrRoutes } from './services/cbr.ts'
import { cceRoutes } from './services/cce.ts'
import { cesRoutes } from './services/ces.ts'
import { computeRoutes } from './services/compute.ts'
import { ctsRoutes } from './services/cts.ts'
import { dcsRoutes } from './services/dcs.ts'
import { discoveryRoutes } from './services/discovery.ts'
import { elbLbaasRoutes } from './services/elb-lbaas.ts'
import { elbV3Routes } from './services/elb-v3.ts'
import { iamRoutes } from './services/iam.ts'
import { stsRoutes, type TemporaryKey } from './services/iam-sts.ts'
import { identityRoutes } from './services/identity.ts'
import { imageRoutes } from './services/image.ts'
import { kmsRoutes } from './services/kms.ts'
import { networkRoutes } from './services/network.ts'
import { obsRoutes } from './services/obs.ts'
import { rdsRoutes } from './services/rds.ts'
import { volumeRoutes } from './services/volume.ts'
import { vpcRoutes } from './services/vpc.ts'
import { requestIdFor } from './world/ids.ts'
import type { World } from './world/model.ts'
import { isMissing } from './world/regional-services.ts'

/** Options of {@link createEmulator}. */
export interface EmulatorOptions extends FaultOptions {
  /** Token lifetime; a request with an older token gets 401 (default 86400, as on OTC). */
  tokenTtlSeconds?: number
  /** Milliseconds since the epoch (default `Date.now`); tests pass a fake clock. */
  clock?: () => number
  /** Origin written into the catalog and next links (default: the request's origin). */
  baseUrl?: string
  /**
   * Where another emulator (started with `identityUrl` pointing here) serves the regional
   * services: the catalogs this Keystone hands out point them there; Keystone, IAM and OBS stay
   * here (OBS signs with IAM's temporary keys). Default: this emulator serves everything.
   */
  servicesUrl?: string
  /**
   * The origin of another emulator whose Keystone issued the tokens this one is sent (loopback
   * only): a token this emulator does not know is validated there once (`GET /v3/auth/tokens`),
   * as an OpenStack service does, then accepted as if issued here.
   */
  identityUrl?: string
  /**
   * How long a big list handler works before the event loop gets a turn, ms (default
   * `SLICE_MS` of model/time-slice.ts; 0 = a turn before every item, which tests use to walk
   * every slicing path).
   */
  sliceMs?: number
  /**
   * Called for each request when its answer is ready (its latency waited out and its handler
   * done; a big body may still be being written), with the answer's `X-Request-Id`: the
   * benchmark splits a request's time into the way to the emulator, the emulator and the way back.
   */
  onAnswered?: (a: AnsweredRequest) => void
}

/**
 * When the emulator saw a request and when its answer was ready: epoch milliseconds with
 * fractions (`performance.timeOrigin + performance.now()`), comparable across processes.
 */
export interface AnsweredRequest {
  /** The answer's `X-Request-Id`. */
  readonly requestId: string
  readonly receivedAt: number
  readonly answeredAt: number
}

/** Epoch milliseconds with fractions. */
const preciseNow = () => performance.timeOrigin + performance.now()

/** The emulator: a Hono app plus its world and counters. */
export type Emulator = Hono<EmulatorEnv> & {
  readonly world: World
  /** Requests per service and faults injected since start (or the last reset). */
  stats(): EmulatorStats
  /** Peak requests in flight and per second, per service, since start (or the last reset). */
  load(): LoadStats
  resetStats(): void
}

const PREFIX_TO_SERVICE = new Map<string, ServiceKey>(
  Object.entries(SERVICE_PREFIX)
    .filter(([k]) => k !== 'iam')
    .map(([k, prefix]) => [prefix.slice(1), k as ServiceKey]),
)

/** The service a path belongs to (`/identity/v3.0/...` is IAM), or undefined. */
export function serviceOfPath(path: string): ServiceKey | undefined {
  const [, first, second] = path.split('/')
  const service = PREFIX_TO_SERVICE.get(first ?? '')
  return service === 'identity' && second === 'v3.0' ? 'iam' : service
}

/**
 * Largest request body the emulator reads: its bodies are small JSON documents (a token request
 * is under 1 KiB). A larger one is answered 413 in the service's error format, unread.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Services a plain OpenStack does not run (openstack worlds): OTC's own. */
const OTC_ONLY_SERVICES: ReadonlySet<ServiceKey> = new Set([
  'iam',
  'cbr',
  'ces',
  'cts',
  'rds',
  'obs',
  'kms',
  'dcs',
  'vpc',
  'cce',
])

/**
 * Keystone's (Flask) answer to a path it does not route, e.g. `/v3.0/OS-USER/users`, recorded
 * from the devcloud (test/openstack): HTML whatever the `Accept` header.
 */
export const KEYSTONE_NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n'

/** What a plain OpenStack answers where it lacks an OTC service (openstack worlds only). */
function notOnOpenStack(
  service: ServiceKey,
  path: string,
  requestId: string,
  where = 'this cloud',
): Response {
  if (service === 'iam')
    return new Response(KEYSTONE_NOT_FOUND_HTML, {
      status: 404,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'x-openstack-request-id': `req-${requestId}`,
      },
    })
  return jsonResponse(404, { message: `No service at ${path}: ${where} has no ${service}` })
}

/**
 * Builds the emulator for a world.
 * @example
 * const app = createEmulator(loadWorld('demo'), { throttleRps: 20 })
 * const res = await app.request('/identity/v3/auth/tokens', { method: 'POST', body })
 */
export function createEmulator(world: World, opts: EmulatorOptions = {}): Emulator {
  const clock = opts.clock ?? Date.now
  const shared: Shared = {
    world,
    tokens: new TokenStore((opts.tokenTtlSeconds ?? 86_400) * 1000),
    clock,
    keys: accessKeyIndex(world),
    index: new WorldIndex(world),
    baseUrl: opts.baseUrl,
    servicesUrl: opts.servicesUrl,
    sliceMs: opts.sliceMs,
    pages: new PageBuffers(),
  }
  const learnToken = opts.identityUrl
    ? remoteTokens(opts.identityUrl, shared.tokens, clock)
    : undefined
  const faults = new FaultInjector(opts, clock)
  const load = new LoadTracker(clock)
  let requests = 0
  const app = new Hono<EmulatorEnv>()

  app.use('*', async (c, next) => {
    const service = serviceOfPath(c.req.path)
    if (!service)
      return jsonResponse(404, {
        message: `No service at ${c.req.path}; try /identity/v3/auth/tokens`,
      })
    const requestId = requestIdFor(++requests)
    c.set('service', service)
    c.set('requestId', requestId)
    const done = load.enter(service)
    const receivedAt = opts.onAnswered ? preciseNow() : 0
    try {
      return await serveOne(c, next, service, requestId)
    } finally {
      done()
      opts.onAnswered?.({ requestId, receivedAt, answeredAt: preciseNow() })
    }
  })

  /**
   * A service the request's region lacks (`regions.<r>.missingServices`) answers as an API the
   * gateway has not published (OTC), or as a plain OpenStack without it, before authentication.
   */
  function missingInRegion(c: Context<EmulatorEnv>, service: ServiceKey, requestId: string) {
    if (Object.keys(world.missingServices).length === 0) return undefined
    // OBS names its region in the path (`/obs/<region>/…`): it takes no token or project.
    const region =
      service === 'obs'
        ? decodeURIComponent(c.req.path.split('/')[2] ?? '')
        : requestPlace(shared, c.req.raw).region
    if (!isMissing(world.missingServices, region, service)) return undefined
    return world.cloud === 'openstack'
      ? notOnOpenStack(service, c.req.path, requestId, `region ${region}`)
      : apiNotPublished(requestId)
  }

  /** Headers, the plain-OpenStack gaps, latency and faults, then the route. */
  async function serveOne(
    c: Context<EmulatorEnv>,
    next: Next,
    service: ServiceKey,
    requestId: string,
  ): Promise<Response | undefined> {
    c.header('X-Request-Id', requestId)
    c.header('X-Openstack-Request-Id', `req-${requestId}`)
    if (world.cloud === 'openstack' && OTC_ONLY_SERVICES.has(service))
      return notOnOpenStack(service, c.req.path, requestId)
    // Before anything reads the token (the region of a request follows from its project).
    if (learnToken) await learnToken(c.req.header('X-Auth-Token'))
    const absent = missingInRegion(c, service, requestId)
    if (absent) return absent
    const isTokenRequest = c.req.method === 'POST' && c.req.path === '/identity/v3/auth/tokens'
    if (opts.latencyMs) await sleep(opts.latencyMs)
    const d = faults.decide(service, isTokenRequest)
    switch (d.kind) {
      case 'pass':
        await next()
        return undefined
      case 'down':
        return failFor(c, 503, `The ${service} service is unavailable (emulated outage).`)
      case 'throttle':
        return jsonResponse(
          429,
          gatewayBody(APIGW.THROTTLED, 'The throttling threshold has been reached.', requestId),
          { 'Retry-After': String(d.retryAfterSeconds), 'X-Request-Id': requestId },
        )
      case 'error':
        return failFor(c, d.status, `Emulated ${d.status} fault.`)
      case 'drop': {
        // On a real socket, hang up; in-process there is no socket, so answer 503 instead.
        const socket = c.env?.incoming?.socket
        if (socket) {
          socket.destroy()
          return new Response(null, { status: 503 })
        }
        return failFor(c, 503, 'Emulated dropped connection.')
      }
    }
  }

  const limitBody = bodyLimit({
    maxSize: MAX_REQUEST_BODY_BYTES,
    onError: (c) =>
      failFor(
        c,
        413,
        `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes and was not read.`,
      ),
  })
  // A GET or HEAD has no body to limit (a `Request` cannot even carry one). Asking for it would
  // make the node server build the whole `Request` it otherwise never builds (tens of µs a request).
  app.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  )

  app.route('/', discoveryRoutes(shared))
  app.route('/identity', identityRoutes(shared))
  app.route('/identity', iamRoutes(shared))
  app.route('/compute', computeRoutes(shared))
  app.route('/image', imageRoutes(shared))
  app.route('/network', networkRoutes(shared))
  app.route('/volume', volumeRoutes(shared))
  app.route('/cbr', cbrRoutes(shared))
  app.route('/ces', cesRoutes(shared))
  app.route('/cts', ctsRoutes(shared))
  app.route('/rds', rdsRoutes(shared))
  const temporaryKeys = new Map<string, TemporaryKey>()
  app.route('/identity', stsRoutes(shared, temporaryKeys))
  app.route('/obs', obsRoutes(shared, temporaryKeys))
  app.route('/kms', kmsRoutes(shared))
  app.route('/dcs', dcsRoutes(shared))
  app.route('/elb', elbV3Routes(shared))
  app.route('/elb', elbLbaasRoutes(shared))
  app.route('/vpc', vpcRoutes(shared))
  app.route('/cce', cceRoutes(shared))

  app.notFound((c) => {
    const service = c.get('service')
    if (world.cloud === 'openstack' && (service === 'volume' || service === 'compute'))
      return webobNotFound(c.req.header('Accept'), c.get('requestId'))
    return failFor(c, 404, `The resource could not be found: ${c.req.method} ${c.req.path}`)
  })
  app.onError((err, c) =>
    c.get('service')
      ? failFor(c, 500, `Internal error: ${err.message}`)
      : jsonResponse(500, { message: err.message }),
  )

  // `/region/<name>/…` (a plain OpenStack's further regions) is routed as `/…` in that region.
  const route = app.fetch
  const fetch: typeof app.fetch = (req, ...rest) => {
    const inner = stripRegion(world, req)
    return inner instanceof Response ? inner : route(inner, ...rest)
  }
  return Object.assign(app, {
    fetch,
    world,
    stats: () => faults.stats(),
    load: () => load.stats(),
    resetStats: () => {
      faults.resetStats()
      load.reset()
    },
  })
}
