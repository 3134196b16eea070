/**
 * The bodies of the emulated OBS bucket settings in either dialect (otc-api-platform.md §2.5-2.9),
 * written from the documented samples: the native ACL names `<Canned>Everyone</Canned>` and has
 * no group for authenticated users or log delivery (such grants are left out, as gopher does);
 * the S3 ACL uses `xsi:type="Group"` URIs. Policies come back in the request's dialect (which
 * dialect a stored policy is returned in is undocumented, §12.1).
 * @module
 */
import { escapeXml } from '../../clients/obs/xml.ts'
import type { Bucket, World } from '../world/model.ts'
import type { Dialect } from './obs.ts'

const GROUP_URI = {
  everyone: 'http://acs.amazonaws.com/groups/global/AllUsers',
  authenticated: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  'log-delivery': 'http://acs.amazonaws.com/groups/s3/LogDelivery',
} as const

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

/** `<Owner>` and `<AccessControlList>`. */
export function aclXml(world: World, b: Bucket, d: Dialect): string {
  const id = world.domain.id
  const display = d === 's3' ? `<DisplayName>${escapeXml(world.domain.name)}</DisplayName>` : ''
  const grants = b.grants.flatMap((g) => {
    let grantee: string
    if (g.grantee === 'owner')
      grantee =
        d === 'native'
          ? `<Grantee><ID>${id}</ID></Grantee>`
          : `<Grantee ${XSI} xsi:type="CanonicalUser"><ID>${id}</ID>${display}</Grantee>`
    else if (d === 's3')
      grantee = `<Grantee ${XSI} xsi:type="Group"><URI>${GROUP_URI[g.grantee]}</URI></Grantee>`
    else if (g.grantee === 'everyone') grantee = '<Grantee><Canned>Everyone</Canned></Grantee>'
    else return []
    const delivered = d === 'native' ? '<Delivered>false</Delivered>' : ''
    return [`<Grant>${grantee}<Permission>${g.permission}</Permission>${delivered}</Grant>`]
  })
  return `<Owner><ID>${id}</ID>${display}</Owner><AccessControlList>${grants.join('')}</AccessControlList>`
}

/** The policy JSON: native `{"ID": …}` principals and bare names, or S3 `{"AWS": …}` and ARNs. */
export function policyJson(b: Bucket, d: Dialect): string {
  const native = d === 'native'
  const statements = (b.policy ?? []).map((s) => {
    const principal =
      s.principal === '*'
        ? native
          ? { ID: ['*'] }
          : { AWS: '*' }
        : native
          ? { ID: [`domain/${s.principal}:root`] }
          : { AWS: [`arn:aws:iam::${s.principal}:root`] }
    const key = (k: string) => (native ? k : `aws:${k}`)
    const condition: Record<string, Record<string, unknown>> = {}
    if (s.sourceIps.length > 0) condition.IpAddress = { [key('SourceIp')]: s.sourceIps }
    if (s.referers.length > 0) condition.StringLike = { [key('Referer')]: s.referers }
    if (s.secureTransport !== null)
      condition.Bool = { [key('SecureTransport')]: String(s.secureTransport) }
    return {
      Sid: s.sid,
      Effect: s.effect,
      Principal: principal,
      Action: s.actions.map((a) => (native || a === '*' ? a : `s3:${a}`)),
      Resource: native ? [`${b.name}/*`] : [`arn:aws:s3:::${b.name}/*`],
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    }
  })
  return JSON.stringify(
    native ? { Statement: statements } : { Version: '2008-10-17', Statement: statements },
  )
}

/** `<Rule><ApplyServerSideEncryptionByDefault>…` (native `kms`, S3 `aws:kms`). */
export function encryptionXml(world: World, b: Bucket, d: Dialect): string {
  const e = b.encryption!
  const algorithm = e.algorithm === 'kms' && d === 's3' ? 'aws:kms' : e.algorithm
  const key =
    e.keyId === null
      ? ''
      : `<KMSMasterKeyID>${d === 'native' ? e.keyId : `${b.region}:${world.domain.id}:key/${e.keyId}`}</KMSMasterKeyID>`
  return `<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>${key}</ApplyServerSideEncryptionByDefault></Rule>`
}

/** `<LoggingEnabled>` when on (native also names the agency OBS writes with). */
export function loggingXml(world: World, b: Bucket, d: Dialect): string {
  if (!b.logging) return ''
  const agency = d === 'native' ? '<Agency>obs-logging</Agency>' : ''
  return `${agency}<LoggingEnabled><TargetBucket>${escapeXml(b.logging.targetBucket)}</TargetBucket><TargetPrefix>${escapeXml(b.logging.prefix)}</TargetPrefix><TargetGrants><Grant><Grantee><ID>${world.domain.id}</ID></Grantee><Permission>READ</Permission></Grant></TargetGrants></LoggingEnabled>`
}
