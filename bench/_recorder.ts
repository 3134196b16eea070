/**
 * A `fetch` that records every request the session sends (operation, endpoint, start, end,
 * status) and then calls the real `fetch` unchanged. The session's own `stats()` counts per
 * service; the critical path needs counts per operation (three network lists share one service)
 * and the timeline shows how busy each endpoint's limiter really was.
 * @module
 */
import { type Fetch, nodeFetch } from '../src/clients/core/node-fetch.ts'
import { OPERATIONS } from '../src/clients/operations.ts'
import { SERVICE_PREFIX } from '../src/emulator/index.ts'

/** The token request (POST /v3/auth/tokens) is not an operation of the registry. */
export const AUTH_OP = 'identity.Authenticate'

/** The temporary AK/SK that OBS requests are signed with (src/clients/obs/auth.ts). */
export const OBS_CREDENTIAL_OP = 'iam.CreateTemporaryAccessKey'

/**
 * OBS reads (src/clients/obs/buckets.ts, XML, not in the registry): the list at the endpoint's
 * root, and one GET per bucket and sub-resource (`?acl`, `?policy`, …), told apart by the query.
 */
export const OBS_LIST_OP = 'obs.ListBuckets'
export const OBS_BUCKET_OPS: Readonly<Record<string, string>> = {
  location: 'obs.GetBucketLocation',
  acl: 'obs.GetBucketAcl',
  policy: 'obs.GetBucketPolicy',
  encryption: 'obs.GetBucketEncryption',
  versioning: 'obs.GetBucketVersioning',
  logging: 'obs.GetBucketLogging',
}

/** KMS reads (src/clients/kms/keys.ts): POST bodies, not in the registry. */
export const KMS_LIST_OP = 'kms.ListKeys'
export const KMS_ROTATION_OP = 'kms.GetKeyRotationStatus'

/** The operations classified here that are not in the registry (src/clients/operations.ts). */
export const NON_REGISTRY_OPS: readonly string[] = [
  AUTH_OP,
  OBS_CREDENTIAL_OP,
  OBS_LIST_OP,
  ...Object.values(OBS_BUCKET_OPS),
  KMS_LIST_OP,
  KMS_ROTATION_OP,
]

/** One request on the wire. */
export interface RecordedRequest {
  op: string
  /** The endpoint root, i.e. the session's limiter key (`identity`, `compute`, …). */
  endpoint: string
  start: number
  end: number
  status: number
  /** Response body size from `Content-Length` (0 when the server did not send one). */
  bytes: number
  /** The answer's `X-Request-Id` (null without one), and the origin it came from. */
  requestId: string | null
  origin: string
}

interface Matcher {
  key: string
  endpoint: string
  method: string
  re: RegExp
}

const PREFIX_OF = SERVICE_PREFIX as Record<string, string>

const MATCHERS: Matcher[] = [
  { key: AUTH_OP, endpoint: 'identity', method: 'POST', re: /^\/identity\/v3\/auth\/tokens$/ },
  {
    key: OBS_CREDENTIAL_OP,
    endpoint: 'identity',
    method: 'POST',
    re: /^\/identity\/v3\.0\/OS-CREDENTIAL\/securitytokens$/,
  },
  {
    key: KMS_LIST_OP,
    endpoint: 'kms',
    method: 'POST',
    re: /^\/kms\/v1\.0\/[^/]+\/kms\/list-keys$/,
  },
  {
    key: KMS_ROTATION_OP,
    endpoint: 'kms',
    method: 'POST',
    re: /^\/kms\/v1\.0\/[^/]+\/kms\/get-key-rotation-status$/,
  },
  ...OPERATIONS.map((o) => {
    const prefix = PREFIX_OF[o.service] ?? `/${o.service}`
    const path = o.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')
    return {
      key: o.key,
      endpoint: prefix.slice(1),
      method: o.method,
      re: new RegExp(`^${prefix}(?:/[^/]+)*?${path}$`),
    }
  }),
]

/** The operation and endpoint of a request to the emulator, or `other`. */
export function classify(method: string, url: string): { op: string; endpoint: string } {
  const u = new URL(url)
  const path = u.pathname
  const obs = method === 'GET' ? classifyObs(path, u.search) : undefined
  if (obs) return { op: obs, endpoint: 'obs' }
  for (const m of MATCHERS)
    if (m.method === method && m.re.test(path)) return { op: m.key, endpoint: m.endpoint }
  return { op: `other ${method} ${path}`, endpoint: path.split('/')[1] ?? '' }
}

/** `/obs/<region>/` is the bucket list; `/obs/<region>/<bucket>/?acl` a bucket's sub-resource. */
function classifyObs(path: string, search: string): string | undefined {
  const prefix = `${PREFIX_OF.obs ?? '/obs'}/`
  if (!path.startsWith(prefix)) return undefined
  const parts = path.slice(prefix.length).split('/').filter(Boolean)
  if (parts.length === 1) return OBS_LIST_OP
  const sub = search.slice(1).split(/[&=]/)[0] ?? ''
  return parts.length === 2 ? OBS_BUCKET_OPS[sub] : undefined
}

/** A recording transport and what it saw. */
export interface FetchRecorder {
  fetch: Fetch
  readonly requests: RecordedRequest[]
}

/**
 * Wraps `inner` (default: the session's own transport, {@link nodeFetch}). A request is named
 * (operation, endpoint) when `requests` is read, after the scan: matching ~60 path patterns per
 * request inside the scan's window would add the bench's own CPU to the scanner's.
 */
export function recordingFetch(inner: Fetch = nodeFetch): FetchRecorder {
  const seen: (RecordedRequest & { method: string; url: string })[] = []
  let named = 0
  const wrapped: Fetch = async (url, init) => {
    const rec = {
      op: '',
      endpoint: '',
      method: init.method.toUpperCase(),
      url: url.href,
      start: performance.now(),
      end: 0,
      status: 0,
      bytes: 0,
      requestId: null as string | null,
      origin: '',
    }
    seen.push(rec)
    try {
      const res = await inner(url, init)
      rec.status = res.status
      rec.bytes = Number(res.headers.get('content-length') ?? 0) || 0
      rec.requestId = res.headers.get('x-request-id')
      return res
    } finally {
      rec.end = performance.now()
    }
  }
  return {
    fetch: wrapped,
    get requests() {
      for (; named < seen.length; named++) {
        const r = seen[named]!
        Object.assign(r, classify(r.method, r.url), { origin: new URL(r.url).origin })
      }
      return seen
    },
  }
}

/** Per operation: requests sent, successful responses (pages) and response bytes. */
export interface OpCount {
  requests: number
  pages: number
  bytes: number
}

/** Counts per operation. */
export function countByOp(requests: readonly RecordedRequest[]): Record<string, OpCount> {
  const out: Record<string, OpCount> = {}
  for (const r of requests) {
    const c = out[r.op] ?? { requests: 0, pages: 0, bytes: 0 }
    out[r.op] = c
    c.requests++
    c.bytes += r.bytes
    if (r.status >= 200 && r.status < 300) c.pages++
  }
  return out
}

/** Per endpoint: requests, time from its first request to its last response, and mean in flight. */
export interface EndpointUse {
  requests: number
  firstStartMs: number
  lastEndMs: number
  /** Sum of request durations ÷ (last end − first start): how full the limiter kept the pipe. */
  meanInFlight: number
  /** Mean time a request took, send to response (latency + server + client queueing in fetch). */
  meanRequestMs: number
}

/** How each endpoint was used; times are relative to `t0`. */
export function endpointUse(
  requests: readonly RecordedRequest[],
  t0: number,
): Record<string, EndpointUse> {
  const by = new Map<string, RecordedRequest[]>()
  for (const r of requests) {
    const list = by.get(r.endpoint)
    if (list) list.push(r)
    else by.set(r.endpoint, [r])
  }
  const out: Record<string, EndpointUse> = {}
  for (const [ep, rs] of [...by].sort(([a], [b]) => a.localeCompare(b))) {
    const first = Math.min(...rs.map((r) => r.start))
    const last = Math.max(...rs.map((r) => r.end))
    const busy = rs.reduce((s, r) => s + (r.end - r.start), 0)
    out[ep] = {
      requests: rs.length,
      firstStartMs: first - t0,
      lastEndMs: last - t0,
      meanInFlight: last > first ? busy / (last - first) : 0,
      meanRequestMs: busy / rs.length,
    }
  }
  return out
}
