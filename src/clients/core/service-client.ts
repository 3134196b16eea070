/**
 * A {@link ServiceClient} for one endpoint: authentication headers, the endpoint's limiter,
 * retries by error class, one re-authentication after a 401, JSON validation against the
 * operation's zod schema (by its lean parser, `lean-parse.ts`; zod itself words a mismatch),
 * stats and the `--debug` request log.
 * @module
 */
import type { z } from 'zod'
import { logs } from '../../log/logger.ts'
import { formatPath } from '../../model/input-error.ts'
import { Slicer } from '../../model/time-slice.ts'
import { joinSignals } from './abort-link.ts'
import { CloudApiError } from './errors.ts'
import {
  abortSummary,
  buildUrl,
  foreignOrigin,
  type HttpContext,
  lazyRedactedUrl,
  redactedUrlOf,
  requestIdOf,
  sendOnce,
  type WireRequest,
  type WireResponse,
} from './http.ts'
import { leanParser, MISMATCH } from './lean-parse.ts'
import type { Limiter } from './limiter.ts'
import { withRetry } from './retry.ts'
import type {
  HttpMethod,
  ItemSplit,
  RequestOptions,
  ServiceClient,
  ServiceResponse,
} from './types.ts'

/** Token scope of a request. */
export type Scope = NonNullable<RequestOptions['scope']>

/** How a client authenticates its requests. */
export interface RequestAuth {
  /** Headers that authenticate this request: `X-Auth-Token`, or an AK/SK signature. */
  headers(req: {
    method: HttpMethod
    url: URL
    headers: Record<string, string>
    body?: string
    scope: Scope
  }): Promise<Record<string, string>>
  /** After a 401: forget cached credentials. False when trying again cannot help (AK/SK). */
  renew(scope: Scope): boolean
}

/** What a client is bound to. */
export interface ClientBinding {
  service: string
  /** Service root, no trailing slash. */
  endpoint: string
  projectId: string
  domainId: string
  region: string
  /** See {@link ServiceClient.catalogTypes}. */
  catalogTypes?: readonly string[]
  limiter: Limiter
  /** Absent: requests go out unauthenticated (token requests). */
  auth?: RequestAuth
  /** Scope when a request does not say (the `iam` client uses `domain`). */
  defaultScope?: Scope
  /** {@link RequestOptions.budgetMs} when a request does not say (authentication requests). */
  defaultBudgetMs?: number
  /**
   * Absolute URLs on a subdomain of the endpoint's host are the same service (OBS buckets:
   * `<bucket>.obs.eu-de.…` below `obs.eu-de.…`), not another origin.
   */
  virtualHosts?: boolean
}

/**
 * Creates a client bound to one endpoint.
 * @example
 * const c = createServiceClient(ctx, { service: 'compute', endpoint, projectId, domainId, region, limiter, auth })
 * const res = await c.request({ op: 'ListServers', path: '/v2.1/{project_id}/servers/detail' }, ListServersResponse)
 */
export function createServiceClient(ctx: HttpContext, b: ClientBinding): ServiceClient {
  return {
    service: b.service,
    endpoint: b.endpoint,
    projectId: b.projectId,
    domainId: b.domainId,
    region: b.region,
    catalogTypes: b.catalogTypes ?? [],
    async request<S extends z.ZodType>(
      opts: RequestOptions,
      schema: S,
    ): Promise<ServiceResponse<z.output<S>>> {
      const { wire, res } = await call(ctx, b, opts)
      try {
        const body = parseBody(ctx, wire, res, schema)
        return responseOf(ctx, wire, res, body)
      } catch (err) {
        ctx.stats.add(b.service, { errors: 1 })
        throw err
      }
    },
    async requestItems<S extends z.ZodType>(
      opts: RequestOptions,
      schema: S,
      split: ItemSplit,
      each?: (item: unknown) => unknown,
    ): Promise<ServiceResponse<z.output<S>>> {
      const { wire, res } = await call(ctx, b, opts)
      // A caller's mapping that throws is the caller's failure, not an error of the API.
      let mappingFailed = false
      const map =
        each &&
        ((item: unknown) => {
          try {
            return each(item)
          } catch (err) {
            mappingFailed = true
            throw err
          }
        })
      try {
        // A small page, or one on the critical path, is validated at once: queueing it behind
        // other slices would delay what it is waited for.
        if (opts.critical || res.text.length < SLICED_BODY_CHARS) {
          const body = parseBody(ctx, wire, res, schema)
          if (map) mapItems(body, split.key, map)
          return responseOf(ctx, wire, res, body)
        }
        const body = await parseBodySliced(ctx, wire, res, schema, split, map)
        return responseOf(ctx, wire, res, body)
      } catch (err) {
        if (!mappingFailed) ctx.stats.add(b.service, { errors: 1 })
        throw err
      }
    },
    async requestText(opts: RequestOptions): Promise<ServiceResponse<string>> {
      const { wire, res } = await call(ctx, b, opts)
      return responseOf(ctx, wire, res, res.text)
    },
  }
}

function responseOf<T>(
  ctx: HttpContext,
  wire: WireRequest,
  res: WireResponse,
  body: T,
): ServiceResponse<T> {
  const redacted = wire.redactedUrl
  return {
    status: res.status,
    headers: res.headers,
    body,
    // Redacted on first read only: most callers never read it.
    get url() {
      return redacted ? redacted() : ctx.redactor.url(wire.url)
    },
  }
}

/** Sends one call: authentication, retries, one re-authentication after a 401, stats. */
async function call(
  ctx: HttpContext,
  b: ClientBinding,
  opts: RequestOptions,
): Promise<{ wire: WireRequest; res: WireResponse }> {
  const wire = prepare(ctx, b, opts)
  const scope = opts.scope ?? b.defaultScope ?? 'project'
  const idempotent = opts.idempotent ?? (wire.method === 'GET' || wire.method === 'HEAD')
  const signal = joinSignals(ctx.signal, opts.signal)
  const budgetMs = opts.budgetMs ?? b.defaultBudgetMs
  const deadline = budgetMs === undefined ? undefined : ctx.now() + budgetMs
  const critical = opts.critical === true
  const send = () =>
    sendWithRetry(ctx, b, wire, { scope, idempotent, signal, deadline, budgetMs, critical })
  try {
    const res = await send().catch((err: unknown) => {
      if (!(err instanceof CloudApiError && err.kind === 'auth' && b.auth?.renew(scope))) throw err
      ctx.logger.debug('re-authenticating after 401', { service: b.service, op: opts.op })
      return send().catch((e: unknown) => {
        throw e instanceof CloudApiError && e.kind === 'auth' ? e.with({ hint: AUTH_AGAIN }) : e
      })
    })
    ctx.stats.add(b.service, { pages: 1 })
    return { wire, res }
  } catch (err) {
    ctx.stats.add(b.service, { errors: 1 })
    throw err
  }
}

const AUTH_AGAIN =
  'rejected again right after re-authenticating; check the credentials and the role assignments'

/** Whether `origin` is `<label>.<endpoint host>` with the endpoint's scheme and port. */
function isSubdomainOf(origin: string, endpoint: string): boolean {
  const o = new URL(origin)
  const e = new URL(endpoint)
  return (
    o.protocol === e.protocol &&
    o.port === e.port &&
    /^[a-z0-9][a-z0-9.-]*$/.test(o.hostname) &&
    o.hostname.endsWith(`.${e.hostname}`)
  )
}

/** The wire request for `opts`; refuses links to another origin (the token would go there). */
function prepare(ctx: HttpContext, b: ClientBinding, opts: RequestOptions): WireRequest {
  const method = opts.method ?? 'GET'
  const foreign = foreignOrigin(b.endpoint, opts.path)
  if (foreign !== undefined && !(b.virtualHosts && isSubdomainOf(foreign, b.endpoint)))
    throw new CloudApiError({
      service: b.service,
      op: opts.op,
      method,
      url: ctx.redactor.url(opts.path),
      kind: 'client',
      summary: `refusing to follow a link to another origin (${foreign})`,
      hint: `credentials are only sent to ${new URL(b.endpoint).origin}`,
    })
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body)
  const url = buildUrl(b.endpoint, opts.path, opts.query, b)
  return {
    service: b.service,
    op: opts.op,
    method,
    url,
    redactedUrl: lazyRedactedUrl(ctx, url),
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...opts.headers,
    },
    body,
    expect: opts.expect,
  }
}

/** Authenticates the request once, then sends it through the limiter with retries. */
async function sendWithRetry(
  ctx: HttpContext,
  b: ClientBinding,
  wire: WireRequest,
  call: {
    scope: Scope
    idempotent: boolean
    signal: AbortSignal | undefined
    /** Epoch ms by which the call must be done (its budget), if it has one. */
    deadline: number | undefined
    /** The budget's length, for the timeout message. */
    budgetMs: number | undefined
    critical: boolean
  },
): Promise<WireResponse> {
  const { scope, idempotent, signal, deadline, budgetMs, critical } = call
  const auth = b.auth ? await b.auth.headers({ ...wire, scope }) : {}
  const signed: WireRequest = { ...wire, headers: { ...wire.headers, ...auth } }
  const onRetry = ({
    attempt,
    delayMs,
    error,
  }: {
    attempt: number
    delayMs: number
    error: CloudApiError
  }) => {
    ctx.stats.add(b.service, { retries: 1 })
    const status = error.status ?? error.kind
    ctx.logger.debug('retry', { service: b.service, op: wire.op, attempt, delayMs, status })
  }
  return withRetry(
    (attempt) =>
      b.limiter
        .run(
          () => attemptOnce(ctx, b, signed, { attempt, signal, deadline, budgetMs }),
          signal,
          critical,
        )
        .catch((err: unknown) => {
          if (err instanceof CloudApiError) throw err
          throw new CloudApiError(
            { ...errorBase(wire, ctx), kind: 'aborted', summary: abortSummary(signal?.reason) },
            { cause: err },
          )
        }),
    { idempotent, policy: ctx.retry, onRetry, deadline },
    { sleep: ctx.sleep, random: ctx.random, signal, now: ctx.now },
  )
}

/** One attempt, counted and logged (`--debug`: method, path, status, durationMs, attempt). */
async function attemptOnce(
  ctx: HttpContext,
  b: ClientBinding,
  wire: WireRequest,
  at: {
    attempt: number
    signal: AbortSignal | undefined
    deadline: number | undefined
    budgetMs: number | undefined
  },
): Promise<WireResponse> {
  const { attempt, signal, deadline, budgetMs } = at
  const started = ctx.now()
  let outcome: number | string = 'error'
  const left = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - started
  const timeoutMs = Math.max(1, Math.min(ctx.timeoutMs, left))
  try {
    const res = await sendOnce(ctx, wire, signal, timeoutMs, budgetMs)
    outcome = res.status
    return res
  } catch (err) {
    const e = err as CloudApiError
    outcome = e.status ?? e.kind
    if (e.kind === 'throttled') ctx.stats.add(b.service, { throttled: 1 })
    throw err
  } finally {
    const durationMs = ctx.now() - started
    ctx.stats.add(b.service, { requests: 1, durationMs })
    if (logs(ctx.logger, 'debug')) logAttempt(ctx, b, wire, { outcome, durationMs, attempt })
  }
}

/** The `--debug` record of one attempt (built only when debug lines are written). */
function logAttempt(
  ctx: HttpContext,
  b: ClientBinding,
  wire: WireRequest,
  a: { outcome: number | string; durationMs: number; attempt: number },
): void {
  const u = new URL(redactedUrlOf(ctx, wire))
  ctx.logger.debug('http', {
    service: b.service,
    op: wire.op,
    method: wire.method,
    path: `${u.pathname}${u.search}`,
    status: a.outcome,
    durationMs: a.durationMs,
    attempt: a.attempt,
  })
}

function errorBase(wire: WireRequest, ctx: HttpContext) {
  return {
    service: wire.service,
    op: wire.op,
    method: wire.method,
    url: redactedUrlOf(ctx, wire),
  }
}

const NON_BLANK = /\S/

/** Bodies from this size on are validated in time slices (`requestItems`); ~100 servers. */
export const SLICED_BODY_CHARS = 128 * 1024

/** The JSON of a response body (`undefined` for a blank body). */
function parseJson(ctx: HttpContext, wire: WireRequest, res: WireResponse): unknown {
  // Not `text.trim()`: that would copy a whole page to test it for emptiness.
  if (!NON_BLANK.test(res.text)) return undefined
  try {
    return JSON.parse(res.text)
  } catch (err) {
    throw new CloudApiError(
      { ...schemaBase(ctx, wire, res), summary: 'response body is not JSON' },
      { cause: err },
    )
  }
}

function schemaBase(ctx: HttpContext, wire: WireRequest, res: WireResponse) {
  return {
    ...errorBase(wire, ctx),
    kind: 'schema' as const,
    status: res.status,
    requestId: requestIdOf(res.headers),
  }
}

/** The `schema` error of a body that does not match, naming the first zod issue paths. */
function mismatch(
  ctx: HttpContext,
  wire: WireRequest,
  res: WireResponse,
  error: z.ZodError,
): CloudApiError {
  const issues = error.issues
    .slice(0, 3)
    .map((i) => `${formatPath(i.path) || '(body)'}: ${i.message}`)
    .join('; ')
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : ''
  return new CloudApiError(
    {
      ...schemaBase(ctx, wire, res),
      summary: `unexpected response body: ${issues}${more}`,
      hint: 'the API answered in a shape Sphere does not expect',
    },
    { cause: error },
  )
}

/** Replaces the items of a validated page (`page[key]`) by what `each` makes of them. */
function mapItems(page: unknown, key: string, each: (item: unknown) => unknown): void {
  const p = page as Record<string, unknown[]>
  p[key] = (p[key] as unknown[]).map((item) => each(item))
}

/**
 * Parses JSON and validates it with the schema's lean parser (the same output as zod's, without
 * its per-field garbage); a mismatch is a `schema` error naming the zod issue paths.
 */
function parseBody<S extends z.ZodType>(
  ctx: HttpContext,
  wire: WireRequest,
  res: WireResponse,
  schema: S,
): z.output<S> {
  const data = parseJson(ctx, wire, res)
  const lean = leanParser(schema)(data)
  if (lean !== MISMATCH) return lean as z.output<S>
  // zod itself, for its error (or its verdict, should it accept what the lean parser did not).
  const r = schema.safeParse(data)
  if (r.success) return r.data
  throw mismatch(ctx, wire, res, r.error)
}

/**
 * {@link parseBody} for a list page, with its items validated in time slices (a turn of the
 * event loop between slices, see `model/time-slice.ts`): the envelope first, then each item
 * with the item schema. The result equals `schema`'s (the split is only made where `schema`'s
 * field is exactly an array of the item schema); on any mismatch `schema` itself validates the
 * body again, so the error is the one {@link parseBody} gives.
 */
async function parseBodySliced<S extends z.ZodType>(
  ctx: HttpContext,
  wire: WireRequest,
  res: WireResponse,
  schema: S,
  split: ItemSplit,
  each?: (item: unknown) => unknown,
): Promise<z.output<S>> {
  const slicer = new Slicer()
  // Parsing a page is one block too: it waits for a turn of its own.
  if (slicer.due()) await slicer.pause()
  let data = parseJson(ctx, wire, res)
  // The page schema's verdict on the body as it came (parsed again: the items already
  // validated were let go below).
  const whole = (fresh: unknown): z.output<S> => {
    const r = schema.safeParse(fresh)
    if (!r.success) throw mismatch(ctx, wire, res, r.error)
    if (each) mapItems(r.data, split.key, each)
    return r.data
  }
  const env = leanParser(split.envelope)(data)
  if (env === MISMATCH) return whole(data)
  // From here only the envelope's copy of the items array holds the parsed items.
  data = undefined
  const body = env as Record<string, unknown>
  const raw = body[split.key] as unknown[]
  const items = new Array<unknown>(raw.length)
  const item = leanParser(split.item)
  for (let i = 0; i < raw.length; i++) {
    if (slicer.due()) await slicer.pause()
    const r = item(raw[i])
    if (r === MISMATCH) return whole(parseJson(ctx, wire, res))
    items[i] = each ? each(r) : r
    // The parsed item is garbage once validated: let it go now, not with the whole page, so
    // fewer objects survive the scavenges of the turns this page spans.
    raw[i] = undefined
  }
  body[split.key] = items
  return body as z.output<S>
}
