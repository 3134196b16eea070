/**
 * OBS under `/obs/<region>` (otc-api-platform.md §2), path-style: `GET /obs/<region>/` lists the
 * account's buckets of every region, `GET /obs/<region>/<bucket>/?acl|policy|encryption|
 * versioning|logging|location` reads one setting. Requests must be signed (OBS V2, AWS V2 or
 * SigV4; no token), with permanent keys of the world's users or IAM's temporary keys and their
 * security token, within 15 minutes of the clock. The answer's dialect follows the signature:
 * `OBS` → native (`x-obs-*`, `<Canned>Everyone</Canned>`), `AWS`/SigV4 → S3 (`x-amz-*`, group
 * URIs, no `<Location>` in the bucket list). A bucket of another region answers 301, except
 * for `?location`.
 * @module
 */
import { type Context, Hono } from 'hono'
import { verifyObsRequest } from '../../clients/obs/signing.ts'
import { escapeXml } from '../../clients/obs/xml.ts'
import type { EmulatorEnv, Shared } from '../_route.ts'
import type { Bucket, User } from '../world/model.ts'
import type { TemporaryKey } from './iam-sts.ts'
import { aclXml, encryptionXml, loggingXml, policyJson } from './obs-bodies.ts'

/** The dialect of an answer. */
export type Dialect = 'native' | 's3'

const SUBS = ['acl', 'policy', 'encryption', 'versioning', 'logging', 'location'] as const
type Sub = (typeof SUBS)[number]

const OP: Record<Sub, string> = {
  acl: 'GetBucketAcl',
  policy: 'GetBucketPolicy',
  encryption: 'GetBucketEncryption',
  versioning: 'GetBucketVersioning',
  logging: 'GetBucketLogging',
  location: 'GetBucketLocation',
}

export const ns = (d: Dialect, region: string) =>
  d === 'native'
    ? `http://obs.${region}.otc.t-systems.com/doc/2015-06-30/`
    : 'http://s3.amazonaws.com/doc/2006-03-01/'

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

function answer(
  c: Context<EmulatorEnv>,
  d: Dialect,
  status: number,
  body: string,
  type = 'application/xml',
) {
  const id = c.get('requestId')
  return new Response(body, {
    status,
    headers: {
      'Content-Type': type,
      Server: 'OBS',
      [d === 'native' ? 'x-obs-request-id' : 'x-amz-request-id']: id,
      [d === 'native' ? 'x-obs-id-2' : 'x-amz-id-2']: `${id}-2`,
    },
  })
}

function xmlError(
  c: Context<EmulatorEnv>,
  d: Dialect,
  status: number,
  code: string,
  message: string,
  resource: string,
) {
  const id = c.get('requestId')
  return answer(
    c,
    d,
    status,
    `${XML_HEAD}<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><Resource>${escapeXml(resource)}</Resource><RequestId>${id}</RequestId><HostId>${id}-host</HostId></Error>`,
  )
}

/** The OBS routes; `temporary` holds IAM's temporary keys. */
export function obsRoutes(
  shared: Shared,
  temporary: ReadonlyMap<string, TemporaryKey>,
): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared

  /** The caller and dialect, or the 403 to send. */
  function authenticate(
    c: Context<EmulatorEnv>,
    resources: string[],
    op: string,
  ): { user: User; d: Dialect } | Response {
    const now = shared.clock()
    const guess: Dialect = c.req.header('Authorization')?.startsWith('OBS ') ? 'native' : 's3'
    const v = verifyObsRequest(
      { method: c.req.method, url: c.req.url, headers: new Headers(c.req.raw.headers) },
      (ak) => {
        const t = temporary.get(ak)
        if (t) return t.expiresAt > now ? t.secret : undefined
        return shared.keys.get(ak)?.secret
      },
      now,
      resources,
    )
    if (!v.ok)
      return xmlError(
        c,
        guess,
        403,
        v.code,
        `The request was rejected: ${v.reason}.`,
        resources[0]!,
      )
    const d: Dialect = v.signature === 'obs-v2' ? 'native' : 's3'
    const temp = temporary.get(v.ak)
    if (temp && temp.securityToken !== v.securityToken)
      return xmlError(
        c,
        d,
        403,
        'InvalidAccessKeyId',
        'A temporary access key needs its security token.',
        resources[0]!,
      )
    const user = temp?.user ?? shared.keys.get(v.ak)!.user
    if (user.deny.includes('obs') || user.deny.includes(`obs.${op}`))
      return xmlError(c, d, 403, 'AccessDenied', 'Access Denied', resources[0]!)
    return { user, d }
  }

  const list = (c: Context<EmulatorEnv>) => {
    const region = c.req.param('region')!
    const who = authenticate(c, ['/'], 'ListBuckets')
    if (who instanceof Response) return who
    const { d } = who
    const owner = `<Owner><ID>${world.domain.id}</ID>${d === 's3' ? `<DisplayName>${escapeXml(world.domain.name)}</DisplayName>` : ''}</Owner>`
    const items = world.buckets
      .map(
        (b) =>
          `<Bucket><Name>${escapeXml(b.name)}</Name><CreationDate>${new Date(b.createdAt).toISOString()}</CreationDate>${d === 'native' ? `<Location>${b.region}</Location><BucketType>OBJECT</BucketType>` : ''}</Bucket>`,
      )
      .join('')
    return answer(
      c,
      d,
      200,
      `${XML_HEAD}<ListAllMyBucketsResult xmlns="${ns(d, region)}">${owner}<Buckets>${items}</Buckets></ListAllMyBucketsResult>`,
    )
  }
  app.get('/:region', list)
  app.get('/:region/', list)

  const bucketRead = (c: Context<EmulatorEnv>) => {
    const region = c.req.param('region')!
    const name = c.req.param('bucket')!
    const q = new URL(c.req.url).searchParams
    const sub = SUBS.find((s) => q.has(s))
    const resource = `/${name}/`
    const who = authenticate(c, [resource, `/${name}`], sub ? OP[sub] : 'ListObjects')
    if (who instanceof Response) return who
    const { d } = who
    const b = world.buckets.find((x) => x.name === name)
    if (!b)
      return xmlError(c, d, 404, 'NoSuchBucket', 'The specified bucket does not exist', resource)
    // `?location` answers on any regional endpoint: it is how a client finds the bucket's region.
    if (b.region !== region && sub !== 'location')
      return xmlError(
        c,
        d,
        301,
        'PermanentRedirect',
        `The bucket is in ${b.region}; use obs.${b.region}.otc.t-systems.com.`,
        resource,
      )
    if (!sub)
      return xmlError(c, d, 405, 'MethodNotAllowed', 'Listing objects is not emulated.', resource)
    return subResource(c, d, b, sub, resource)
  }
  app.get('/:region/:bucket', bucketRead)
  app.get('/:region/:bucket/', bucketRead)

  function subResource(c: Context<EmulatorEnv>, d: Dialect, b: Bucket, sub: Sub, resource: string) {
    const xmlns = ns(d, b.region)
    const tag = (root: string, inner: string) =>
      `${XML_HEAD}<${root} xmlns="${xmlns}">${inner}</${root}>`
    switch (sub) {
      case 'location':
        return answer(
          c,
          d,
          200,
          d === 'native'
            ? tag('Location', b.region)
            : tag(
                'CreateBucketConfiguration',
                `<LocationConstraint>${b.region}</LocationConstraint>`,
              ),
        )
      case 'acl':
        return answer(c, d, 200, tag('AccessControlPolicy', aclXml(world, b, d)))
      case 'policy':
        if (!b.policy)
          return xmlError(
            c,
            d,
            404,
            'NoSuchBucketPolicy',
            'The bucket policy does not exist',
            resource,
          )
        return answer(c, d, 200, policyJson(b, d), 'application/json')
      case 'encryption':
        if (!b.encryption)
          return xmlError(
            c,
            d,
            404,
            'NoSuchEncryptionConfiguration',
            'The server side encryption configuration was not found',
            resource,
          )
        return answer(
          c,
          d,
          200,
          tag('ServerSideEncryptionConfiguration', encryptionXml(world, b, d)),
        )
      case 'versioning':
        return answer(
          c,
          d,
          200,
          tag('VersioningConfiguration', b.versioning ? `<Status>${b.versioning}</Status>` : ''),
        )
      case 'logging':
        return answer(c, d, 200, tag('BucketLoggingStatus', loggingXml(world, b, d)))
    }
  }

  return app
}
