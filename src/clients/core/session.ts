/**
 * A session with one cloud project: authenticates lazily (Keystone password or application
 * credential tokens, or AK/SK signing), resolves service endpoints from the catalog, and hands out
 * {@link ServiceClient}s that share limits, retries, redaction, logging and stats.
 * @module
 */
import {
  type CloudConfig,
  configSecrets,
  DEFAULT_AUTH_TIMEOUT_MS,
} from '../../config/cloud-config.ts'
import { type Logger, noopLogger } from '../../log/logger.ts'
import { createAkskAuth } from '../auth/aksk.ts'
import type { Authenticator } from '../auth/authenticator.ts'
import { createKeystoneAuth } from '../auth/keystone.ts'
import { createObsAuth } from '../obs/auth.ts'
import {
  CATALOG_TYPES,
  catalogRegions,
  catalogTypesIn,
  resolveEndpoint,
  serviceRoot,
} from './catalog.ts'
import { CloudApiError, ServiceUnavailableError } from './errors.ts'
import { createStats, type HttpContext, type ServiceStats } from './http.ts'
import { createLimiter, type Limiter } from './limiter.ts'
import { type Fetch, nodeFetch } from './node-fetch.ts'
import { createRedactor, redactingLogger } from './redact.ts'
import { DEFAULT_RETRY_POLICY, type RetryPolicy, realSleep, type Sleep } from './retry.ts'
import { createServiceClient, type RequestAuth } from './service-client.ts'
import { SERVICE_KEYS, type ServiceClient, type ServiceKey } from './types.ts'

/** Effects a session uses; every one has a real default. */
export interface SessionDeps {
  /** The transport (default {@link nodeFetch}); tests pass the emulator's `app.fetch`. */
  fetch?: Fetch
  logger?: Logger
  /** The run's signal: aborting it cancels every request and wait. */
  signal?: AbortSignal
  now?: () => number
  sleep?: Sleep
  random?: () => number
  retry?: Partial<RetryPolicy>
}

/** Who the session acts as. */
export interface SessionInfo {
  authMethod: Authenticator['method']
  projectId: string
  projectName?: string
  domainId: string
  domainName?: string
  region?: string
  /** Catalog types present (for `--debug` and support). */
  catalogTypes: string[]
  /** Regions the catalog has endpoints in for the configured interface (`*` left out), sorted. */
  catalogRegions: string[]
}

/** A session with one project. */
export interface Session {
  readonly config: CloudConfig
  /**
   * A client for one service (cached).
   * @throws {ServiceUnavailableError} when the catalog has no endpoint for it
   * @throws {CloudApiError} kind `auth` when authentication fails
   */
  client(key: ServiceKey): Promise<ServiceClient>
  /** The services (default: all keys) this cloud does not offer, each with why. */
  missingServices(keys?: readonly ServiceKey[]): Promise<ServiceUnavailableError[]>
  /** Authenticates if needed and says who we are. */
  info(): Promise<SessionInfo>
  /** Counters per service key so far (of every session sharing this one's transport). */
  stats(): Record<string, ServiceStats>
  /**
   * A session of the same cloud for another project of the same domain: its own token (one per
   * project, obtained once), the same transport (so per-endpoint limits hold across projects).
   * Application credentials are bound to their project: the new session's `info()` fails.
   */
  forProject(project: { id: string; name?: string }): Session
  /** The same project in another region: the same token, the endpoints of that region. */
  forRegion(region: string): Session
}

/** What the sessions of one cloud share: the transport context and one limiter per endpoint. */
export interface Transport {
  readonly ctx: HttpContext
  limiterFor(endpoint: string): Limiter
}

/** The transport of a cloud: real effects unless injected, secrets of `config` redacted. */
export function createTransport(config: CloudConfig, deps: SessionDeps = {}): Transport {
  const ctx = httpContext(config, deps)
  return { ctx, limiterFor: limiterPool(config, ctx) }
}

/** The shared transport context: real effects unless injected, secrets of `config` redacted. */
function httpContext(config: CloudConfig, deps: SessionDeps): HttpContext {
  const redactor = createRedactor(configSecrets(config))
  return {
    fetch: deps.fetch ?? nodeFetch,
    logger: redactingLogger(deps.logger ?? noopLogger, redactor),
    redactor,
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? realSleep,
    random: deps.random ?? Math.random,
    signal: deps.signal,
    timeoutMs: config.timeoutMs,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    stats: createStats(),
  }
}

/** One limiter per endpoint root, created on first use. */
function limiterPool(config: CloudConfig, ctx: HttpContext): (endpoint: string) => Limiter {
  const limiters = new Map<string, Limiter>()
  return (endpoint) => {
    let l = limiters.get(endpoint)
    if (!l) {
      const { concurrency, rps } = config
      l = createLimiter({ concurrency, rps, now: ctx.now, sleep: ctx.sleep })
      limiters.set(endpoint, l)
    }
    return l
  }
}

/**
 * Creates a session. Nothing is sent until the first `client()` / `info()` call.
 * @example
 * const session = createSession(cfg, { logger, signal })
 * const compute = await session.client('compute')
 * const servers = await listAll(compute, listServersSpec())
 */
export function createSession(
  config: CloudConfig,
  deps: SessionDeps = {},
  shared: { transport?: Transport; authenticator?: Authenticator } = {},
): Session {
  const transport = shared.transport ?? createTransport(config, deps)
  const { ctx, limiterFor } = transport
  const identityRoot = serviceRoot(config.authUrl)
  const identityClient = (auth?: RequestAuth): ServiceClient =>
    createServiceClient(ctx, {
      service: 'identity',
      endpoint: identityRoot,
      projectId: '',
      domainId: '',
      region: config.region ?? '',
      limiter: limiterFor(identityRoot),
      auth,
      // Only authentication uses this client: a silent Keystone gives up within the budget.
      defaultBudgetMs: config.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
    })
  const a = config.auth
  const authenticator: Authenticator =
    shared.authenticator ??
    (a.type === 'aksk'
      ? createAkskAuth(
          { ...config, auth: a },
          { identity: () => identityClient(authenticator), now: ctx.now },
        )
      : createKeystoneAuth({ ...config, auth: a }, { identity: identityClient(), now: ctx.now }))

  const makeClient = async (key: ServiceKey): Promise<ServiceClient> => {
    if (!SERVICE_KEYS.includes(key)) throw new TypeError(`unknown service key "${key}"`)
    const who = await authenticator.context()
    const ep = resolveEndpoint({
      key,
      catalog: who.catalog,
      region: config.region,
      interface: config.interface,
      projectId: who.projectId,
      overrides: config.endpointOverrides,
      authUrl: config.authUrl,
      otcAuth: authenticator.method === 'aksk',
    })
    ctx.logger.debug('endpoint', {
      service: key,
      endpoint: ep.url,
      source: ep.source,
      type: ep.type,
    })
    const region = config.region ?? ep.region ?? ''
    return createServiceClient(ctx, {
      service: key,
      endpoint: ep.url,
      projectId: who.projectId,
      domainId: who.domainId,
      region,
      catalogTypes:
        ep.source === 'catalog'
          ? catalogTypesIn(who.catalog, CATALOG_TYPES[key], config.interface, config.region)
          : [],
      // OBS is one host per region (`obs.<region>…`, buckets below it): its limit is per origin,
      // which also holds where one origin serves every region by path (the emulator).
      limiter: limiterFor(key === 'obs' ? new URL(ep.url).origin : ep.url),
      auth: key === 'obs' ? obsAuth(ep.url, region) : authenticator,
      virtualHosts: key === 'obs',
      // IAM (OTC /v3.0 extensions) is a global service: it wants a domain-scoped token.
      defaultScope: key === 'iam' ? 'domain' : 'project',
    })
  }
  // OBS takes AK/SK signatures only: the configured keys, or IAM's temporary ones (§2.3).
  const obsAuth = (endpoint: string, region: string) =>
    createObsAuth({
      endpoint,
      region,
      now: ctx.now,
      keys: a.type === 'aksk' ? { ak: a.ak, sk: a.sk, securityToken: a.securityToken } : undefined,
      iam: a.type === 'aksk' ? undefined : () => client('iam'),
      secret: (values) => ctx.redactor.add(values),
    })
  const clients = new Map<ServiceKey, Promise<ServiceClient>>()
  const client = (key: ServiceKey): Promise<ServiceClient> => {
    let p = clients.get(key)
    if (!p) {
      p = makeClient(key)
      clients.set(key, p)
      // Auth and network failures may pass; a missing service stays missing.
      p.catch((err) => {
        if (!(err instanceof ServiceUnavailableError)) clients.delete(key)
      })
    }
    return p
  }

  return {
    config,
    client,
    async missingServices(keys = SERVICE_KEYS) {
      const out: ServiceUnavailableError[] = []
      for (const key of keys) {
        try {
          await client(key)
        } catch (err) {
          if (err instanceof ServiceUnavailableError) out.push(err)
          else throw err
        }
      }
      return out
    },
    async info() {
      const who = await authenticator.context()
      return {
        authMethod: authenticator.method,
        projectId: who.projectId,
        projectName: who.projectName,
        domainId: who.domainId,
        domainName: who.domainName,
        region: config.region,
        catalogTypes: [...new Set(who.catalog.map((c) => c.type))].sort(),
        catalogRegions: catalogRegions(
          who.catalog,
          who.catalog.map((c) => c.type),
          config.interface,
        ),
      }
    },
    stats: () => ctx.stats.snapshot(),
    forProject(project) {
      if (a.type === 'application_credential')
        return createSession(config, deps, { transport, authenticator: boundToOneProject(config) })
      const next = {
        ...config,
        project: { id: project.id, name: project.name, domain: config.project.domain },
      }
      return createSession(next, deps, { transport })
    },
    forRegion(region) {
      return createSession({ ...config, region }, deps, { transport, authenticator })
    },
  }
}

/** The authenticator of an application credential asked for another project: it cannot. */
function boundToOneProject(config: CloudConfig): Authenticator {
  const refuse = () =>
    Promise.reject(
      new CloudApiError({
        service: 'identity',
        op: 'IssueToken',
        method: 'POST',
        url: config.authUrl,
        kind: 'auth',
        summary: 'an application credential is bound to the project it was created in',
        hint: 'scan several projects with a password login or AK/SK, or with one application credential per project (one clouds.yaml entry each, --os-cloud a,b)',
      }),
    )
  return {
    method: 'application_credential',
    context: refuse,
    headers: refuse,
    renew: () => false,
  }
}
