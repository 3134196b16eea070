/**
 * OBS bucket reads (otc-api-platform.md §2.2-2.9): the bucket list on the regional endpoint, then
 * per bucket `?location`, `?acl`, `?policy`, `?encryption`, `?versioning`, `?logging`, addressed
 * virtual-host style (`<bucket>.obs.<region>…`), or path style where the endpoint is an address
 * or has a path (an emulator, a proxy). No paging: the list is one answer (≤ 100 buckets).
 * @module
 */
import { CloudApiError } from '../core/errors.ts'
import type { ServiceClient } from '../core/types.ts'
import {
  type BucketPolicyWire,
  type BucketWire,
  type EncryptionWire,
  errorCodeOf,
  type GrantWire,
  ObsBodyError,
  parseAcl,
  parseEncryption,
  parseListBuckets,
  parseLocation,
  parseLogging,
  parsePolicy,
  parseVersioning,
} from './schemas.ts'
import { XmlError } from './xml.ts'

const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]|localhost)$/i

/** Whether requests to this endpoint name the bucket in the path rather than the host. */
export function pathStyle(endpoint: string): boolean {
  const u = new URL(endpoint)
  return IP_HOST.test(u.hostname) || u.pathname.replace(/\/+$/, '') !== ''
}

/** The URL of a bucket's root (`https://b.obs.eu-de.otc.t-systems.com/` or `<endpoint>/b/`). */
export function bucketUrl(endpoint: string, bucket: string): string {
  const u = new URL(endpoint)
  if (pathStyle(endpoint)) return `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}/`
  return `${u.protocol}//${bucket}.${u.host}/`
}

type Sub = 'acl' | 'policy' | 'encryption' | 'versioning' | 'logging'

const OPS: Record<Sub, string> = {
  acl: 'GetBucketAcl',
  policy: 'GetBucketPolicy',
  encryption: 'GetBucketEncryption',
  versioning: 'GetBucketVersioning',
  logging: 'GetBucketLogging',
}

function schemaError(c: ServiceClient, op: string, url: string, err: unknown): never {
  if (!(err instanceof ObsBodyError || err instanceof XmlError)) throw err
  throw new CloudApiError(
    {
      service: c.service,
      op,
      method: 'GET',
      url,
      kind: 'schema',
      summary: `unexpected response body: ${err.message}`,
      hint: 'the API answered in a shape Sphere does not expect',
    },
    { cause: err },
  )
}

/** GET one sub-resource; a 404 with `absentCode` is "not configured" (null). */
async function getSub<T>(
  c: ServiceClient,
  bucket: string,
  sub: Sub,
  parse: (text: string) => T,
  absentCode?: string,
  signal?: AbortSignal,
): Promise<T | null> {
  const op = OPS[sub]
  const res = await c.requestText({
    op,
    path: `${bucketUrl(c.endpoint, bucket)}?${sub}`,
    headers: { Accept: 'application/xml' },
    expect: absentCode ? [200, 404] : [200],
    signal,
  })
  if (res.status === 404) {
    if (errorCodeOf(res.body) === absentCode) return null
    throw new CloudApiError({
      service: c.service,
      op,
      method: 'GET',
      url: res.url,
      kind: 'not_found',
      status: 404,
      code: errorCodeOf(res.body),
      summary: `bucket ${bucket} has no ${sub} answer`,
    })
  }
  try {
    return parse(res.body)
  } catch (err) {
    return schemaError(c, op, res.url, err)
  }
}

/** `GET /`: every bucket of the account, all regions. */
export async function listBuckets(
  c: ServiceClient,
  signal?: AbortSignal,
): Promise<{ ownerId: string; buckets: BucketWire[] }> {
  const res = await c.requestText({
    op: 'ListBuckets',
    path: '/',
    headers: { Accept: 'application/xml' },
    signal,
  })
  try {
    return parseListBuckets(res.body)
  } catch (err) {
    return schemaError(c, 'ListBuckets', res.url, err)
  }
}

/**
 * The region a bucket is in (`GET /?location`), or null when the endpoint answers
 * `301 PermanentRedirect` (the bucket is in another region; whether OBS redirects `?location`
 * is not documented, so both are accepted).
 */
export async function getBucketLocation(
  c: ServiceClient,
  bucket: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const res = await c.requestText({
    op: 'GetBucketLocation',
    path: `${bucketUrl(c.endpoint, bucket)}?location`,
    headers: { Accept: 'application/xml' },
    expect: [200, 301],
    signal,
  })
  if (res.status === 301) return null
  try {
    return parseLocation(res.body)
  } catch (err) {
    return schemaError(c, 'GetBucketLocation', res.url, err)
  }
}

/** The bucket's ACL (`GET /?acl`). */
export async function getBucketAcl(
  c: ServiceClient,
  bucket: string,
  signal?: AbortSignal,
): Promise<{ ownerId: string; grants: GrantWire[] }> {
  return (await getSub(c, bucket, 'acl', parseAcl, undefined, signal))!
}

/** The bucket policy, or null (404 `NoSuchBucketPolicy`). */
export function getBucketPolicy(
  c: ServiceClient,
  bucket: string,
  signal?: AbortSignal,
): Promise<BucketPolicyWire | null> {
  return getSub(c, bucket, 'policy', parsePolicy, 'NoSuchBucketPolicy', signal)
}

/** Default encryption, or null (404 `NoSuchEncryptionConfiguration`: not encrypted by default). */
export function getBucketEncryption(
  c: ServiceClient,
  bucket: string,
  signal?: AbortSignal,
): Promise<EncryptionWire | null> {
  return getSub(c, bucket, 'encryption', parseEncryption, 'NoSuchEncryptionConfiguration', signal)
}

/** Versioning status (`Enabled`, `Suspended`, null = never enabled). */
export async function getBucketVersioning(c: ServiceClient, bucket: string, signal?: AbortSignal) {
  return (await getSub(c, bucket, 'versioning', parseVersioning, undefined, signal))!
}

/** Access-logging configuration. */
export async function getBucketLogging(c: ServiceClient, bucket: string, signal?: AbortSignal) {
  return (await getSub(c, bucket, 'logging', parseLogging, undefined, signal))!
}
