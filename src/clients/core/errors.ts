/**
 * Errors of the cloud transport. One class, {@link CloudApiError}, with a `kind` to branch on
 * (never the message text) and a message a person can act on, in ofetch's form:
 * `[GET] compute /v2.1/<pid>/servers/detail: 403 Forbidden (req-1a2b): Policy doesn't allow … —
 * the user lacks the permission this call needs (ListServers)`.
 * @module
 */

import { STATUS_CODES } from 'node:http'
import { childText, parseXml } from '../obs/xml.ts'

/** What went wrong, coarse enough to decide retry and reporting. */
export type CloudErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'throttled'
  | 'transient'
  | 'server'
  | 'client'
  | 'schema'
  | 'network'
  | 'timeout'
  | 'aborted'

/** Fields of a {@link CloudApiError}. */
export interface CloudApiErrorInit {
  /** Our service key (`compute`, `identity`, …). */
  service: string
  /** Operation name, e.g. `ListServers`. */
  op: string
  method: string
  /** Full URL requested, secrets removed. */
  url: string
  kind: CloudErrorKind
  status?: number
  requestId?: string
  /** The service's own error code (`APIGW.0301`, `Ecs.0005`, `itemNotFound`). */
  code?: string
  /** The service's own error message. */
  detail?: string
  /** What to do about it; a default per kind is used when absent. */
  hint?: string
  /** Replaces the `status (request id): detail` part, e.g. `cannot reach https://x (ECONNREFUSED)`. */
  summary?: string
  /** Delay the server asked for (`Retry-After`), in ms. */
  retryAfterMs?: number
  attempts?: number
}

/** A failed call to a cloud API. Branch on `kind`; `code` is the service's error code. */
export class CloudApiError extends Error {
  override readonly name: string = 'CloudApiError'
  readonly service: string
  readonly op: string
  readonly method: string
  readonly url: string
  readonly kind: CloudErrorKind
  readonly status?: number
  readonly requestId?: string
  readonly code?: string
  readonly detail?: string
  readonly retryAfterMs?: number
  /** Attempts made, including the first (set by the retry loop). */
  attempts: number
  /** Total time spent waiting between attempts, in ms. */
  retryDelayMs = 0
  readonly #init: CloudApiErrorInit

  constructor(init: CloudApiErrorInit, options?: { cause?: unknown }) {
    super(formatCloudError(init, init.attempts ?? 1), options)
    this.#init = init
    this.service = init.service
    this.op = init.op
    this.method = init.method
    this.url = init.url
    this.kind = init.kind
    this.status = init.status
    this.requestId = init.requestId
    this.code = init.code
    this.detail = init.detail
    this.retryAfterMs = init.retryAfterMs
    this.attempts = init.attempts ?? 1
  }

  /** Records how many attempts were made and the time waited; the message then says so. */
  recordAttempts(attempts: number, delayMs: number): this {
    this.attempts = attempts
    this.retryDelayMs = delayMs
    this.message = formatCloudError(this.#init, attempts)
    return this
  }

  /** A copy with some fields replaced (e.g. `kind: 'aborted'`), keeping the cause. */
  with(patch: Partial<CloudApiErrorInit>, cause: unknown = this.cause): CloudApiError {
    const copy = new CloudApiError({ ...this.#init, attempts: this.attempts, ...patch }, { cause })
    copy.retryDelayMs = this.retryDelayMs
    return copy
  }
}

/** The catalog has no endpoint for a service (or not in the configured region). */
export class ServiceUnavailableError extends CloudApiError {
  override readonly name = 'ServiceUnavailableError'
  /** Why the service is missing when it is not a plain catalog gap (e.g. OTC-only APIs). */
  readonly reason?: string
  constructor(
    /** Our service key that was asked for. */
    readonly serviceKey: string,
    /** Catalog types that were looked for. */
    readonly catalogTypes: readonly string[],
    readonly region: string | undefined,
    /** Regions where the catalog does offer one of the types (empty: not offered at all). */
    readonly availableRegions: readonly string[],
    catalogUrl: string,
    /** Replaces the catalog wording, e.g. "the IAM extension API is OTC's …". */
    reason?: string,
  ) {
    const summary =
      reason ??
      (availableRegions.length > 0
        ? `no endpoint for service ${serviceKey} in region ${region ?? '(none set)'}; regions in the catalog: ${availableRegions.join(', ')}`
        : `service ${serviceKey} is not in the service catalog (looked for types: ${catalogTypes.join(', ')})`)
    const hint =
      availableRegions.length > 0
        ? 'set region_name (or --os-region-name) to one of them'
        : 'this cloud does not offer it; checks that need it are not evaluable here'
    super({
      service: serviceKey,
      op: 'ResolveEndpoint',
      method: 'GET',
      url: catalogUrl,
      kind: 'not_found',
      summary,
      hint,
    })
    this.reason = reason
    // No request failed, so no `[GET] service path:` prefix.
    this.message = `${summary} — ${hint}`
  }
}

/** Maps an HTTP status (and service error code) to an error kind. */
export function kindForStatus(status: number, code?: string): CloudErrorKind {
  if (code !== undefined && THROTTLE_CODES.has(code)) return 'throttled'
  if (status === 401) return 'auth'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 429) return 'throttled'
  if (status === 500 || status === 502 || status === 503 || status === 504) return 'transient'
  if (status >= 500) return 'server'
  return 'client'
}

/** Service codes that mean "too many requests" even when the status is not 429 (otc-api.md §15). */
const THROTTLE_CODES = new Set(['APIGW.0308', 'APIG.0308', 'IAM.0012', 'Common.1503', 'IMG.0060'])

function defaultHint(kind: CloudErrorKind, op: string): string | undefined {
  switch (kind) {
    case 'auth':
      return 'the credentials were rejected (token expired or revoked, or a bad AK/SK signature)'
    case 'forbidden':
      return `the user lacks the permission this call needs (${op})`
    case 'not_found':
      return `the resource or API path does not exist on this endpoint (${op})`
    case 'throttled':
      return 'the API rate limit was hit; lower --concurrency or set --rps'
    case 'transient':
    case 'server':
      return 'the service failed; try again later'
    default:
      return undefined
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

/** Renders the message of a {@link CloudApiError}. */
export function formatCloudError(init: CloudApiErrorInit, attempts: number): string {
  let body = init.summary
  if (body === undefined) {
    const status =
      init.status !== undefined ? `${init.status} ${STATUS_CODES[init.status] ?? ''}`.trim() : ''
    const rid = init.requestId ? ` (${init.requestId})` : ''
    const code = init.code && !init.detail?.includes(init.code) ? `${init.code} ` : ''
    const detail = init.detail || init.code ? `: ${code}${init.detail ?? ''}`.trimEnd() : ''
    body = `${status}${rid}${detail}`
  }
  const hint = init.hint ?? defaultHint(init.kind, init.op)
  const tries = attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''
  return `[${init.method}] ${init.service} ${pathOf(init.url)}: ${body}${hint ? ` — ${hint}` : ''}${tries}`
}

/** What could be read from an error response body. */
export interface ErrorBodyInfo {
  code?: string
  message?: string
  requestId?: string
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** HTTP reason phrases, lower case (`not found`, `bad gateway`). */
const REASONS = new Set(Object.values(STATUS_CODES).map((r) => r?.toLowerCase()))

/**
 * Whether a text only restates an HTTP status: `404`, `404 Not Found`, `Not Found`, `404 NOT
 * FOUND` (webob's `code` field and the `<title>`/`<h1>` of HTML error pages).
 */
function isStatusLine(s: string): boolean {
  const m = /^(\d{3})?\s*(.*)$/.exec(s.trim())!
  return m[2] === '' ? m[1] !== undefined : REASONS.has(m[2]!.toLowerCase())
}

/** A service code; codes that only repeat the HTTP status (`404`, `404 Not Found`) are dropped. */
const codeStr = (v: unknown): string | undefined => {
  const s = str(v)
  return s !== undefined && !isStatusLine(s) ? s : undefined
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}
const decodeEntities = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? all
    const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all
  })

/**
 * The text of a message that may carry HTML (error pages, webob's `<br />` in JSON messages):
 * tags, scripts and styles removed, entities decoded, repeated parts (a page's `<title>` and
 * `<h1>`) kept once, and parts that only restate the status dropped when anything else is left.
 * @example
 * messageText('<title>404 Not Found</title><h1>404 Not Found</h1>The resource could not be found.<br />') // 'The resource could not be found.'
 */
export function messageText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined
  const parts = s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .split(/<[^>]*>/)
    .map((p) => decodeEntities(p).replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
  const unique = [...new Set(parts)]
  const informative = unique.filter((p) => !isStatusLine(p))
  const text = (informative.length > 0 ? informative : unique).join(' ')
  return text.slice(0, 500) || undefined
}

/**
 * Reads an error body leniently, in the order of otc-api.md §14: `error_code`/`error_msg` (CCE:
 * `errorCode`/`errorMessage`), then
 * `error.{code,message}`, then `NeutronError`, then a single top-level fault key holding
 * `{message, code}`, then CES v1 `message.details`, then top-level `code`/`message`. Codes that
 * only repeat the HTTP status are dropped; messages lose HTML markup (see {@link messageText}).
 * A body that is not JSON (an HTML error page) yields its text as message.
 */
export function parseErrorBody(text: string): ErrorBodyInfo {
  if (text.trimStart().startsWith('<')) {
    const xml = xmlError(text)
    if (xml) return xml
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const message = messageText(text)?.slice(0, 200)
    return message ? { message } : {}
  }
  if (!isObj(body)) return {}
  const info = readFault(body)
  return {
    code: info.code,
    message: messageText(info.message),
    requestId: info.requestId ?? str(body.request_id),
  }
}

/** OBS / S3: `<Error><Code/><Message/><RequestId/></Error>` (otc-api-platform.md §2.10). */
function xmlError(text: string): ErrorBodyInfo | undefined {
  try {
    const el = parseXml(text)
    if (el.name !== 'Error') return undefined
    return {
      code: childText(el, 'Code') || undefined,
      message: messageText(childText(el, 'Message')),
      requestId: childText(el, 'RequestId') || undefined,
    }
  } catch {
    return undefined
  }
}

function readFault(body: Obj): ErrorBodyInfo {
  if ('error_code' in body || 'error_msg' in body)
    return { code: codeStr(body.error_code), message: str(body.error_msg) }
  // CCE writes the Huawei form in camelCase (otc-api-platform.md §4.4).
  if ('errorCode' in body || 'errorMessage' in body)
    return { code: codeStr(body.errorCode), message: str(body.errorMessage) }
  // KMS nests the Huawei form: {"error":{"error_code","error_msg"}} (otc-api-platform.md §6.4).
  if (isObj(body.error) && ('error_code' in body.error || 'error_msg' in body.error))
    return { code: codeStr(body.error.error_code), message: str(body.error.error_msg) }
  if (isObj(body.error))
    return {
      code: codeStr(body.error.code),
      message: str(body.error.message) ?? str(body.error.title),
    }
  if (isObj(body.NeutronError))
    return { code: codeStr(body.NeutronError.type), message: str(body.NeutronError.message) }
  const keys = Object.keys(body)
  const only = keys.length === 1 ? body[keys[0]!] : undefined
  if (isObj(only) && 'message' in only)
    return { code: codeStr(only.code) ?? keys[0], message: str(only.message) }
  if (isObj(body.message))
    return { code: codeStr(body.message.code), message: str(body.message.details) }
  return { code: codeStr(body.code), message: str(body.message) ?? str(body.title) }
}

/** Walks an error's `cause` chain for a Node/undici error code (`ECONNREFUSED`, `UND_ERR_SOCKET`). */
export function socketErrorCode(err: unknown): string | undefined {
  let e: unknown = err
  for (let i = 0; i < 5 && isObj(e); i++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+|ERR_[A-Z_]+)$/.test(code))
      return code
    // Happy-eyeballs connects fail with an AggregateError whose parts carry the codes.
    const parts = (e as { errors?: unknown }).errors
    e = Array.isArray(parts) && parts.length > 0 ? parts[0] : (e as { cause?: unknown }).cause
  }
  return undefined
}
