/**
 * OBS request signatures (otc-api-platform.md §2.3): the V2 header signature in its OBS-native
 * (`Authorization: OBS AK:sig`, `x-obs-*`) and AWS (`AWS AK:sig`, `x-amz-*`) forms, and AWS
 * Signature V4 (`AWS4-HMAC-SHA256`, service `s3`). Pure functions: the client signs with them,
 * the emulator verifies with {@link verifyObsRequest}.
 * @module
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** How a request is signed, which also picks the answer's dialect (native or S3). */
export type ObsSignature = 'obs-v2' | 'aws-v2' | 'v4'

/** Access key, secret key and, for temporary credentials, the security token. */
export interface ObsCredentials {
  ak: string
  sk: string
  securityToken?: string
}

/** What is signed. Header names may be in any case. */
export interface ObsSignable {
  method: string
  url: string | URL
  headers: Record<string, string> | Headers
}

/**
 * Sub-resources that are part of the V2 CanonicalizedResource (the native list; gopher signs the
 * same list in both V2 forms). Other query parameters (`prefix`, `marker`, …) are not signed.
 */
export const SIGNED_SUBRESOURCES: ReadonlySet<string> = new Set([
  'acl',
  'append',
  'attname',
  'backtosource',
  'cors',
  'customdomain',
  'delete',
  'deletebucket',
  'directcoldaccess',
  'encryption',
  'inventory',
  'length',
  'lifecycle',
  'location',
  'logging',
  'metadata',
  'modify',
  'name',
  'notification',
  'object-lock',
  'partNumber',
  'policy',
  'position',
  'quota',
  'rename',
  'replication',
  'requestPayment',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'restore',
  'retention',
  'storageClass',
  'storagePolicy',
  'storageinfo',
  'tagging',
  'torrent',
  'truncate',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
  'x-obs-security-token',
])

const lower = (h: ObsSignable['headers']): Map<string, string> =>
  new Map(
    (h instanceof Headers ? [...h.entries()] : Object.entries(h)).map(([k, v]) => [
      k.toLowerCase(),
      v,
    ]),
  )

/**
 * The V2 StringToSign: verb, Content-MD5, Content-Type, Date (empty when `x-obs-date` /
 * `x-amz-date` is sent), the `x-obs-*` (or `x-amz-*`) headers sorted, then the resource.
 * `resource` is the CanonicalizedResource (`/`, `/bucket/`, `/bucket/key`) without sub-resources.
 */
export function stringToSignV2(req: ObsSignable, resource: string, dialect: 'obs' | 'aws'): string {
  const h = lower(req.headers)
  const prefix = `x-${dialect === 'obs' ? 'obs' : 'amz'}-`
  const dateHeader = `${prefix}date`
  const own = [...h.entries()]
    .filter(([k]) => k.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}:${v.trim()}\n`)
    .join('')
  const url = new URL(String(req.url))
  const subs = [...url.searchParams.entries()]
    .filter(([k]) => SIGNED_SUBRESOURCES.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
  const date = h.has(dateHeader) ? '' : (h.get('date') ?? '')
  return [
    req.method.toUpperCase(),
    h.get('content-md5') ?? '',
    h.get('content-type') ?? '',
    date,
    `${own}${resource}${subs.length > 0 ? `?${subs.join('&')}` : ''}`,
  ].join('\n')
}

/** Base64 HMAC-SHA1 of a V2 StringToSign. */
export function signatureV2(sk: string, stringToSign: string): string {
  return createHmac('sha1', sk).update(stringToSign, 'utf8').digest('base64')
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: string | Buffer, s: string) =>
  createHmac('sha256', key).update(s, 'utf8').digest()

/** RFC 3986 encoding as SigV4 wants it (`A-Za-z0-9-_.~` kept). */
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** The SigV4 canonical request over `signedHeaders` (lower case, sorted). */
export function canonicalRequestV4(req: ObsSignable, signedHeaders: readonly string[]): string {
  const url = new URL(String(req.url))
  const h = lower(req.headers)
  const path = url.pathname
    .split('/')
    .map((seg) => enc(safeDecode(seg)))
    .join('/')
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const names = [...signedHeaders].sort()
  const block = names
    .map(
      (n) =>
        `${n}:${(n === 'host' ? (h.get('host') ?? url.host) : (h.get(n) ?? '')).trim().replace(/\s+/g, ' ')}\n`,
    )
    .join('')
  return [
    req.method.toUpperCase(),
    path || '/',
    query,
    block,
    names.join(';'),
    h.get('x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n')
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The SigV4 string to sign and signature for `scope` = `<yyyymmdd>/<region>/s3/aws4_request`. */
export function signatureV4(
  sk: string,
  amzDate: string,
  scope: string,
  canonicalRequest: string,
): { stringToSign: string; signature: string } {
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n')
  const key = signingKey(sk, scope)
  return { stringToSign, signature: createHmac('sha256', key).update(stringToSign).digest('hex') }
}

/** The last signing key derived: it holds for a day, region and service (one per scan, mostly). */
let lastKey: { sk: string; scope: string; key: Buffer } | undefined

/** The SigV4 signing key of `scope`: four HMACs, derived once per secret key and scope. */
function signingKey(sk: string, scope: string): Buffer {
  if (lastKey?.sk === sk && lastKey.scope === scope) return lastKey.key
  const [day, region, service, term] = scope.split('/') as [string, string, string, string]
  let key = hmac(`AWS4${sk}`, day)
  key = hmac(key, region)
  key = hmac(key, service)
  key = hmac(key, term)
  lastKey = { sk, scope, key }
  return key
}

/** `20240101T120000Z` for an epoch-ms instant. */
export const amzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/**
 * The headers that sign `req`: for V2 a `Date` (as `x-obs-date`/`x-amz-date`) and the token
 * header, for V4 `x-amz-date`, `x-amz-content-sha256: UNSIGNED-PAYLOAD` and the token, each
 * with `Authorization`. `resource` is the V2 CanonicalizedResource (ignored by V4).
 */
export function signObsRequest(
  req: ObsSignable,
  creds: ObsCredentials,
  opts: { signature: ObsSignature; region: string; now: number; resource: string },
): Record<string, string> {
  const url = new URL(String(req.url))
  if (opts.signature === 'v4') {
    const date = amzDate(opts.now)
    const out: Record<string, string> = {
      'x-amz-date': date,
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      ...(creds.securityToken ? { 'x-amz-security-token': creds.securityToken } : {}),
    }
    const headers = { ...Object.fromEntries(lower(req.headers)), ...out, host: url.host }
    const signed = Object.keys(headers)
      .filter((k) => k === 'host' || k.startsWith('x-amz-'))
      .sort()
    const scope = `${date.slice(0, 8)}/${opts.region}/s3/aws4_request`
    const { signature } = signatureV4(
      creds.sk,
      date,
      scope,
      canonicalRequestV4({ ...req, headers }, signed),
    )
    out.Authorization = `AWS4-HMAC-SHA256 Credential=${creds.ak}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`
    return out
  }
  const dialect = opts.signature === 'obs-v2' ? 'obs' : 'aws'
  const p = dialect === 'obs' ? 'x-obs-' : 'x-amz-'
  const out: Record<string, string> = {
    [`${p}date`]: new Date(opts.now).toUTCString(),
    ...(creds.securityToken ? { [`${p}security-token`]: creds.securityToken } : {}),
  }
  const sts = stringToSignV2(
    { ...req, headers: { ...Object.fromEntries(lower(req.headers)), ...out } },
    opts.resource,
    dialect,
  )
  out.Authorization = `${dialect === 'obs' ? 'OBS' : 'AWS'} ${creds.ak}:${signatureV2(creds.sk, sts)}`
  return out
}

/** What a verified request was signed with. */
export type ObsVerdict =
  | { ok: true; ak: string; signature: ObsSignature; securityToken?: string }
  | {
      ok: false
      code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch' | 'RequestTimeTooSkewed'
      reason: string
    }

const SKEW_MS = 15 * 60_000

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Verifies a request in any of the three forms. `resources` are the V2 CanonicalizedResources
 * to accept (the docs sign bucket requests both as `/bucket/` and `/bucket`).
 */
export function verifyObsRequest(
  req: ObsSignable,
  secretOf: (ak: string) => string | undefined,
  now: number,
  resources: readonly string[],
): ObsVerdict {
  const h = lower(req.headers)
  const authz = h.get('authorization') ?? ''
  const v4 =
    /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8}\/[^/]+\/s3\/aws4_request),\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      authz,
    )
  const v2 = /^(OBS|AWS) ([^:\s]+):([A-Za-z0-9+/=]+)$/.exec(authz)
  if (!v4 && !v2) return { ok: false, code: 'AccessDenied', reason: 'no OBS/AWS signature' }
  const ak = (v4?.[1] ?? v2?.[2])!
  const sk = secretOf(ak)
  if (sk === undefined)
    return { ok: false, code: 'InvalidAccessKeyId', reason: 'unknown access key' }
  if (v4) {
    const date = h.get('x-amz-date') ?? ''
    const at = Date.parse(
      date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    )
    if (Number.isNaN(at) || Math.abs(at - now) > SKEW_MS)
      return { ok: false, code: 'RequestTimeTooSkewed', reason: 'x-amz-date missing or skewed' }
    const signed = v4[3]!.split(';')
    if (
      !signed.includes('host') ||
      !signed.includes('x-amz-date') ||
      !v4[2]!.startsWith(date.slice(0, 8))
    )
      return {
        ok: false,
        code: 'SignatureDoesNotMatch',
        reason: 'host and x-amz-date must be signed',
      }
    if (h.has('x-amz-security-token') && !signed.includes('x-amz-security-token'))
      return {
        ok: false,
        code: 'SignatureDoesNotMatch',
        reason: 'the security token must be signed',
      }
    const { signature } = signatureV4(sk, date, v4[2]!, canonicalRequestV4(req, signed))
    if (!same(signature, v4[4]!))
      return { ok: false, code: 'SignatureDoesNotMatch', reason: 'V4 signature mismatch' }
    return { ok: true, ak, signature: 'v4', securityToken: h.get('x-amz-security-token') }
  }
  const dialect = v2![1] === 'OBS' ? 'obs' : 'aws'
  const p = dialect === 'obs' ? 'x-obs-' : 'x-amz-'
  const at = Date.parse(h.get(`${p}date`) ?? h.get('date') ?? '')
  if (Number.isNaN(at) || Math.abs(at - now) > SKEW_MS)
    return { ok: false, code: 'RequestTimeTooSkewed', reason: 'Date missing or skewed' }
  const match = resources.some((r) =>
    same(signatureV2(sk, stringToSignV2(req, r, dialect)), v2![3]!),
  )
  if (!match) return { ok: false, code: 'SignatureDoesNotMatch', reason: 'V2 signature mismatch' }
  return {
    ok: true,
    ak,
    signature: dialect === 'obs' ? 'obs-v2' : 'aws-v2',
    securityToken: h.get(`${p}security-token`),
  }
}
