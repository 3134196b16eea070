/**
 * AK/SK request signing, `SDK-HMAC-SHA256` in the API gateway's `Access=` form (otc-api.md §1.6):
 * canonical request → string to sign → hex HMAC-SHA256 keyed with the SK, sent as
 * `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex>` with
 * `X-Sdk-Date`. The pure pieces are exported for the emulator, which checks requests with
 * {@link verifySignature}.
 * @module
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** The algorithm name, first line of the string to sign and of the `Authorization` header. */
export const SIGN_ALGORITHM = 'SDK-HMAC-SHA256'

/** The parts of a request that are signed. Header names may be in any case. */
export interface SignableRequest {
  method: string
  url: string | URL
  headers: Record<string, string> | Headers
  body?: string | Uint8Array
}

const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

/** RFC 3986 encoding keeping only `A-Za-z0-9-_.~` (what the gateway signer does). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Canonical URI: each path segment decoded then percent-encoded; always ends with `/`. */
export function canonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((seg) => percentEncode(decode(seg)))
    .join('/')
  return path.endsWith('/') ? path : `${path}/`
}

/** Canonical query: encoded `k=v` pairs sorted by key, then value, joined by `&`. */
export function canonicalQuery(params: URLSearchParams): string {
  return [...params.entries()]
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? cmp(av, bv) : cmp(ak, bk)))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function headerMap(headers: SignableRequest['headers']): Map<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers)
  return new Map(entries.map(([k, v]) => [k.toLowerCase(), v]))
}

/**
 * The canonical request over `signedHeaders` (lower-case names). `host` falls back to the URL's
 * host when the request carries no `Host` header (fetch adds it on the wire).
 */
export function canonicalRequest(req: SignableRequest, signedHeaders: readonly string[]): string {
  const url = new URL(String(req.url))
  const headers = headerMap(req.headers)
  const names = [...signedHeaders].map((h) => h.toLowerCase()).sort()
  const block = names
    .map(
      (n) =>
        `${n}:${(n === 'host' ? (headers.get(n) ?? url.host) : (headers.get(n) ?? '')).trim()}\n`,
    )
    .join('')
  const payload = headers.get('x-sdk-content-sha256') ?? sha256Hex(req.body ?? '')
  return [
    req.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    block,
    names.join(';'),
    payload,
  ].join('\n')
}

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256 of the canonical request>`. */
export function stringToSign(canonical: string, sdkDate: string): string {
  return `${SIGN_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`
}

/** Hex HMAC-SHA256 of the string to sign, keyed with the SK bytes. */
export function sign(toSign: string, sk: string): string {
  return createHmac('sha256', sk).update(toSign).digest('hex')
}

/** `X-Sdk-Date` format: UTC `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** Parses an `X-Sdk-Date`; undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * Signs a request: returns the headers to add (`X-Sdk-Date`, `Authorization`). Signs `host`,
 * `x-sdk-date` and `content-type` when present.
 * @example
 * const extra = signRequest({ method: 'GET', url, headers }, { ak, sk, now: Date.now() })
 */
export function signRequest(
  req: SignableRequest,
  creds: { ak: string; sk: string; now: number },
): { 'X-Sdk-Date': string; Authorization: string } {
  const sdkDate = formatSdkDate(creds.now)
  const headers = headerMap(req.headers)
  headers.set('x-sdk-date', sdkDate)
  const signed = ['host', 'x-sdk-date', ...(headers.has('content-type') ? ['content-type'] : [])]
  const canonical = canonicalRequest({ ...req, headers: Object.fromEntries(headers) }, signed)
  const signature = sign(stringToSign(canonical, sdkDate), creds.sk)
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${SIGN_ALGORITHM} Access=${creds.ak}, SignedHeaders=${[...signed].sort().join(';')}, Signature=${signature}`,
  }
}

/** The result of {@link verifySignature}. */
export type VerifyResult = { ok: true; ak: string } | { ok: false; reason: string; ak?: string }

/** Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(
  value: string,
): { ak: string; signedHeaders: string[]; signature: string } | undefined {
  if (!value.startsWith(`${SIGN_ALGORITHM} `)) return undefined
  const parts = new Map<string, string>()
  for (const p of value.slice(SIGN_ALGORITHM.length + 1).split(',')) {
    const i = p.indexOf('=')
    if (i > 0) parts.set(p.slice(0, i).trim(), p.slice(i + 1).trim())
  }
  const ak = parts.get('Access')
  const signed = parts.get('SignedHeaders')
  const signature = parts.get('Signature')
  if (!ak || !signed || !signature) return undefined
  return { ak, signedHeaders: signed.split(';').filter(Boolean), signature }
}

/**
 * Checks a signed request (for the emulator): the AK must be known, `X-Sdk-Date` present and within
 * `maxSkewMs` (default ±15 min) of `now`, and the signature recomputed over exactly the
 * `SignedHeaders` must match. Answer 401 when `ok` is false.
 */
export function verifySignature(
  req: SignableRequest,
  skLookup: (ak: string) => string | undefined,
  now: number,
  maxSkewMs = 15 * 60_000,
): VerifyResult {
  const headers = headerMap(req.headers)
  const auth = parseAuthorization(headers.get('authorization') ?? '')
  if (!auth) return { ok: false, reason: 'missing or malformed SDK-HMAC-SHA256 Authorization' }
  const sk = skLookup(auth.ak)
  if (sk === undefined) return { ok: false, reason: 'unknown access key', ak: auth.ak }
  const sdkDate = headers.get('x-sdk-date') ?? ''
  const at = parseSdkDate(sdkDate)
  if (at === undefined) return { ok: false, reason: 'missing or malformed X-Sdk-Date', ak: auth.ak }
  if (Math.abs(now - at) > maxSkewMs)
    return { ok: false, reason: 'X-Sdk-Date too far from server time', ak: auth.ak }
  if (!auth.signedHeaders.includes('x-sdk-date'))
    return { ok: false, reason: 'x-sdk-date is not signed', ak: auth.ak }
  const expected = sign(stringToSign(canonicalRequest(req, auth.signedHeaders), sdkDate), sk)
  const a = Buffer.from(expected)
  const b = Buffer.from(auth.signature.toLowerCase())
  return a.length === b.length && timingSafeEqual(a, b)
    ? { ok: true, ak: auth.ak }
    : { ok: false, reason: 'signature mismatch', ak: auth.ak }
}
