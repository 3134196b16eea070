/**
 * One HTTP attempt: URL building with `{project_id}`/`{domain_id}`, a per-request timeout joined
 * with the run's signal, JSON in and out, and failures turned into {@link CloudApiError}s with the
 * service's own error code and request id. No redirects are followed (a redirect could carry the
 * token to another host). Retries, limits and authentication are layered on top in `service-client.ts`.
 * @module
 */
import type { Logger } from '../../log/logger.ts'
import { onAbort } from './abort-link.ts'
import { CloudApiError, kindForStatus, parseErrorBody, socketErrorCode } from './errors.ts'
import type { Fetch, FetchResponse, HeaderLookup } from './node-fetch.ts'
import type { Redactor } from './redact.ts'
import { parseRetryAfter, type RetryPolicy, type Sleep } from './retry.ts'
import type { HttpMethod, Query } from './types.ts'

/** Counters per service, as `session.stats()` reports them. */
export interface ServiceStats {
  /** HTTP attempts sent (retries included). */
  requests: number
  /** Calls that succeeded (one per page of a list). */
  pages: number
  /** Attempts that were retries. */
  retries: number
  /** Responses that said "slow down" (429 or a throttling error code). */
  throttled: number
  /** Calls that failed after all attempts. */
  errors: number
  /** Time spent in attempts, ms. */
  durationMs: number
}

/** Collects {@link ServiceStats}. */
export interface StatsRecorder {
  add(service: string, delta: Partial<ServiceStats>): void
  snapshot(): Record<string, ServiceStats>
}

/** A {@link StatsRecorder} in memory. */
export function createStats(): StatsRecorder {
  const by = new Map<string, ServiceStats>()
  return {
    add(service, delta) {
      let s = by.get(service)
      if (!s) {
        s = { requests: 0, pages: 0, retries: 0, throttled: 0, errors: 0, durationMs: 0 }
        by.set(service, s)
      }
      for (const k in delta) s[k as keyof ServiceStats] += delta[k as keyof ServiceStats] ?? 0
    },
    snapshot: () => Object.fromEntries([...by].map(([k, v]) => [k, { ...v }])),
  }
}

/** What every request of a session shares. */
export interface HttpContext {
  fetch: Fetch
  logger: Logger
  redactor: Redactor
  now: () => number
  sleep: Sleep
  random: () => number
  /** The run's signal (Ctrl-C, `scan --timeout`). */
  signal?: AbortSignal
  /** Timeout of one attempt, ms. */
  timeoutMs: number
  retry: RetryPolicy
  stats: StatsRecorder
}

/** One request on the wire. */
export interface WireRequest {
  service: string
  op: string
  method: HttpMethod
  url: URL
  headers: Record<string, string>
  body?: string
  /** Statuses that count as success (default: 2xx). */
  expect?: readonly number[]
  /**
   * The redacted URL, computed once on first use (see {@link redactedUrlOf}): a request that
   * succeeds and logs nothing never redacts its URL.
   */
  redactedUrl?: () => string
}

/** `req.url` redacted, once per request. */
export function redactedUrlOf(ctx: HttpContext, req: WireRequest): string {
  return req.redactedUrl ? req.redactedUrl() : ctx.redactor.url(req.url)
}

/** A memoised redaction of `url`, for {@link WireRequest.redactedUrl}. */
export function lazyRedactedUrl(ctx: HttpContext, url: URL): () => string {
  let out: string | undefined
  return () => {
    out ??= ctx.redactor.url(url)
    return out
  }
}

/** A response whose status was expected. */
export interface WireResponse {
  status: number
  headers: HeaderLookup
  text: string
}

/** `30 s`, `0.5 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`
}

/** Why a request was aborted: the reason's own message (`scan time limit reached`), else "aborted". */
export function abortSummary(reason: unknown): string {
  return reason instanceof Error && reason.message ? `aborted: ${reason.message}` : 'aborted'
}

/** Request-id headers, most specific first. */
const REQUEST_ID_HEADERS = [
  'x-openstack-request-id',
  'x-compute-request-id',
  'x-request-id',
  'x-obs-request-id',
  'x-amz-request-id',
]

/** The request id a response carries, if any. */
export function requestIdOf(headers: HeaderLookup): string | undefined {
  for (const h of REQUEST_ID_HEADERS) {
    const v = headers.get(h)
    if (v) return v
  }
  return undefined
}

/** The origin of an absolute link that points away from `endpoint`; undefined when it does not. */
export function foreignOrigin(endpoint: string, path: string): string | undefined {
  if (!/^https?:\/\//i.test(path)) return undefined
  const origin = new URL(path).origin
  return origin === new URL(endpoint).origin ? undefined : origin
}

/**
 * Builds the URL of a path below a service root (`{project_id}`, `{domain_id}` substituted), or
 * takes an absolute link as is; check it with {@link foreignOrigin} first.
 */
export function buildUrl(
  endpoint: string,
  path: string,
  query: Query | undefined,
  ids: { projectId: string; domainId: string },
): URL {
  let url: URL
  if (/^https?:\/\//i.test(path)) {
    url = new URL(path)
  } else {
    const p = path
      .replaceAll('{project_id}', encodeURIComponent(ids.projectId))
      .replaceAll('{domain_id}', encodeURIComponent(ids.domainId))
    url = new URL(`${endpoint.replace(/\/+$/, '')}/${p.replace(/^\/+/, '')}`)
  }
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined) url.searchParams.set(k, String(v))
  }
  return url
}

/**
 * Sends one attempt. Resolves with an expected response; throws a {@link CloudApiError} for any
 * other status (kind from status and error code), a timeout, an abort or a socket failure.
 */
export async function sendOnce(
  ctx: HttpContext,
  req: WireRequest,
  signal: AbortSignal | undefined,
  timeoutMs: number = ctx.timeoutMs,
  /** The whole budget of a budgeted call (authentication): the timeout message names it. */
  budgetMs?: number,
): Promise<WireResponse> {
  // One controller and one timer per attempt; the run's signal reaches it through one shared
  // listener (abort-link.ts), not a composite signal per attempt.
  const ctl = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    ctl.abort()
  }, timeoutMs)
  const off = signal ? onAbort(signal, () => ctl.abort(signal.reason)) : undefined
  const base = () => ({
    service: req.service,
    op: req.op,
    method: req.method,
    url: redactedUrlOf(ctx, req),
  })
  let res: FetchResponse
  let text: string
  try {
    res = await ctx.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: ctl.signal,
      redirect: 'manual',
    })
    text = await res.text()
  } catch (err) {
    if (signal?.aborted)
      throw new CloudApiError(
        { ...base(), kind: 'aborted', summary: abortSummary(signal.reason) },
        { cause: signal.reason },
      )
    if (timedOut)
      throw new CloudApiError(
        {
          ...base(),
          kind: 'timeout',
          summary:
            budgetMs === undefined
              ? `no response from ${req.url.origin} within ${seconds(timeoutMs)}`
              : `no response from ${req.url.origin} within ${seconds(budgetMs)}${
                  ctx.timeoutMs < budgetMs ? ` (attempts of ${seconds(ctx.timeoutMs)} each)` : ''
                }`,
          hint:
            budgetMs !== undefined
              ? 'the endpoint accepts connections but does not answer; check auth_url, or raise --auth-timeout if it is just slow'
              : 'the service is slow or unreachable; raise --api-timeout if it is just slow',
        },
        { cause: err },
      )
    const code = socketErrorCode(err) ?? (err instanceof Error ? err.message : String(err))
    throw new CloudApiError(
      { ...base(), kind: 'network', summary: `cannot reach ${req.url.origin} (${code})` },
      { cause: err },
    )
  } finally {
    clearTimeout(timer)
    off?.()
  }
  const ok = req.expect ? req.expect.includes(res.status) : res.status >= 200 && res.status < 300
  if (ok) return { status: res.status, headers: res.headers, text }
  const info = parseErrorBody(text)
  const kind =
    res.status >= 300 && res.status < 400 ? 'client' : kindForStatus(res.status, info.code)
  const location = res.headers.get('location')
  throw new CloudApiError({
    ...base(),
    kind,
    status: res.status,
    requestId: requestIdOf(res.headers) ?? info.requestId,
    code: info.code,
    detail: info.message ? ctx.redactor.text(info.message) : undefined,
    hint:
      location && kind === 'client'
        ? `redirected to ${ctx.redactor.url(location)}; not followed`
        : undefined,
    retryAfterMs:
      kind === 'throttled' || kind === 'transient'
        ? parseRetryAfter(res.headers.get('retry-after'), ctx.now())
        : undefined,
  })
}
