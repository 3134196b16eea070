/**
 * OBS bodies (otc-api-platform.md §2) read into plain objects, namespace- and dialect-agnostic:
 * the native (`x-obs`) and the S3 form of each answer read the same. XML goes through the strict
 * reader of `xml.ts`; the bucket policy is JSON (zod).
 * @module
 */
import { z } from 'zod'
import { child, childrenNamed, childText, parseXml, type XmlElement } from './xml.ts'

/** A body that is not what the API documents; `path` names the element. */
export class ObsBodyError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`)
    this.name = 'ObsBodyError'
  }
}

function root(xml: string, names: readonly string[]): XmlElement {
  const el = parseXml(xml)
  if (!names.includes(el.name))
    throw new ObsBodyError(el.name, `expected <${names.join('> or <')}>`)
  return el
}

function required(el: XmlElement, name: string, path: string): string {
  const t = childText(el, name)
  if (t === undefined || t === '') throw new ObsBodyError(`${path}.${name}`, 'missing')
  return t
}

/** One bucket of the list; `location` only in the native dialect. */
export interface BucketWire {
  name: string
  creationDate: string
  location?: string
  /** OBJECT or POSIX (parallel file system). */
  bucketType?: string
}

/** `GET /` on the regional endpoint: buckets of every region. */
export function parseListBuckets(xml: string): { ownerId: string; buckets: BucketWire[] } {
  const el = root(xml, ['ListAllMyBucketsResult'])
  const owner = child(el, 'Owner')
  const buckets = childrenNamed(child(el, 'Buckets'), 'Bucket').map((b, i) => {
    const path = `Buckets.Bucket[${i}]`
    const location = childText(b, 'Location')
    const bucketType = childText(b, 'BucketType')
    return {
      name: required(b, 'Name', path),
      creationDate: required(b, 'CreationDate', path),
      ...(location ? { location } : {}),
      ...(bucketType ? { bucketType } : {}),
    }
  })
  return { ownerId: owner ? required(owner, 'ID', 'Owner') : '', buckets }
}

/** `GET /?location`: native `<Location>` or S3 `<CreateBucketConfiguration><LocationConstraint>`. */
export function parseLocation(xml: string): string {
  const el = root(xml, ['Location', 'CreateBucketConfiguration', 'LocationConstraint'])
  const text =
    el.name === 'CreateBucketConfiguration' ? childText(el, 'LocationConstraint') : el.text
  if (!text) throw new ObsBodyError(el.name, 'empty location')
  return text
}

/** Who a grant is for. `everyone` = anyone, anonymous included; `authenticated` = any OBS account. */
export type Grantee =
  | { kind: 'user'; id: string }
  | { kind: 'everyone' }
  | { kind: 'authenticated' }
  | { kind: 'log-delivery' }
  | { kind: 'unknown'; text: string }

export interface GrantWire {
  grantee: Grantee
  /** READ, READ_ACP, WRITE, WRITE_ACP, FULL_CONTROL. */
  permission: string
}

const GROUP_URIS: Readonly<Record<string, Grantee['kind']>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'everyone',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'authenticated',
  'http://acs.amazonaws.com/groups/s3/LogDelivery': 'log-delivery',
}

function grantee(g: XmlElement | undefined, path: string): Grantee {
  if (!g) throw new ObsBodyError(path, 'missing Grantee')
  const canned = childText(g, 'Canned')
  if (canned !== undefined)
    return canned === 'Everyone' ? { kind: 'everyone' } : { kind: 'unknown', text: canned }
  const uri = childText(g, 'URI')
  if (uri !== undefined) {
    const kind = GROUP_URIS[uri]
    return kind && kind !== 'user' && kind !== 'unknown'
      ? ({ kind } as Grantee)
      : { kind: 'unknown', text: uri }
  }
  const id = childText(g, 'ID')
  if (id) return { kind: 'user', id }
  throw new ObsBodyError(path, 'a Grantee names no ID, Canned or URI')
}

/** `GET /?acl`, both dialects (§2.5). */
export function parseAcl(xml: string): { ownerId: string; grants: GrantWire[] } {
  const el = root(xml, ['AccessControlPolicy'])
  const grants = childrenNamed(child(el, 'AccessControlList'), 'Grant').map((g, i) => {
    const path = `AccessControlList.Grant[${i}]`
    return {
      grantee: grantee(child(g, 'Grantee'), `${path}.Grantee`),
      permission: required(g, 'Permission', path),
    }
  })
  const owner = child(el, 'Owner')
  return { ownerId: owner ? (childText(owner, 'ID') ?? '') : '', grants }
}

const strings = z.union([z.string(), z.array(z.string())])

/** A bucket policy (§2.6), native (`{"ID": …}`) or S3 (`{"AWS": …}`) principals. */
export const BucketPolicyWire = z.object({
  Version: z.string().optional(),
  Statement: z.array(
    z.object({
      Sid: z.string().optional(),
      Effect: z.enum(['Allow', 'Deny']),
      Principal: z.union([z.literal('*'), z.record(z.string(), strings)]).optional(),
      NotPrincipal: z.union([z.literal('*'), z.record(z.string(), strings)]).optional(),
      Action: strings.optional(),
      NotAction: strings.optional(),
      Resource: strings.optional(),
      Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    }),
  ),
})
export type BucketPolicyWire = z.output<typeof BucketPolicyWire>

/** `GET /?policy`: JSON despite the XML API. */
export function parsePolicy(json: string): BucketPolicyWire {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new ObsBodyError('(policy)', 'not JSON')
  }
  const r = BucketPolicyWire.safeParse(data)
  if (!r.success) {
    const i = r.error.issues[0]!
    throw new ObsBodyError(i.path.join('.') || '(policy)', i.message)
  }
  return r.data
}

/** Default encryption (§2.7): `kms` / `aws:kms` (SSE-KMS) or `AES256` (SSE-OBS). */
export interface EncryptionWire {
  algorithm: string
  kmsKeyId?: string
}

export function parseEncryption(xml: string): EncryptionWire {
  const el = root(xml, ['ServerSideEncryptionConfiguration'])
  const by = child(child(el, 'Rule'), 'ApplyServerSideEncryptionByDefault')
  if (!by) throw new ObsBodyError('Rule.ApplyServerSideEncryptionByDefault', 'missing')
  const kmsKeyId = childText(by, 'KMSMasterKeyID')
  return {
    algorithm: required(by, 'SSEAlgorithm', 'Rule.ApplyServerSideEncryptionByDefault'),
    ...(kmsKeyId ? { kmsKeyId } : {}),
  }
}

/** Versioning (§2.8): `Enabled`, `Suspended`, or null for a bucket that never had it. */
export function parseVersioning(xml: string): { status: string | null } {
  const el = root(xml, ['VersioningConfiguration'])
  return { status: childText(el, 'Status') || null }
}

/** Access logging (§2.9): on iff `<LoggingEnabled>` is present. */
export function parseLogging(xml: string): {
  enabled: boolean
  targetBucket?: string
  targetPrefix?: string
} {
  const el = root(xml, ['BucketLoggingStatus'])
  const on = child(el, 'LoggingEnabled')
  if (!on) return { enabled: false }
  return {
    enabled: true,
    targetBucket: required(on, 'TargetBucket', 'LoggingEnabled'),
    targetPrefix: childText(on, 'TargetPrefix') ?? '',
  }
}

/** The `<Error>` body's code (§2.10), or undefined when the body is no OBS error. */
export function errorCodeOf(xml: string): string | undefined {
  try {
    const el = parseXml(xml)
    return el.name === 'Error' ? childText(el, 'Code') : undefined
  } catch {
    return undefined
  }
}

/** IAM's temporary AK/SK (`POST /v3.0/OS-CREDENTIAL/securitytokens`, 201). */
export const SecurityTokenResponse = z.object({
  credential: z.object({
    access: z.string(),
    secret: z.string(),
    expires_at: z.string(),
    securitytoken: z.string(),
  }),
})
export type SecurityTokenResponse = z.output<typeof SecurityTokenResponse>
