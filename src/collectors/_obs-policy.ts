/**
 * Which statements of a bucket policy open the bucket to the public (otc-api-platform.md §2.6):
 * `Effect: Allow`, a principal of `"*"` (bare, or `*` under `ID` (native) / `AWS` (S3)), and no
 * condition that narrows who can use it. Conditions on the source address (not `0.0.0.0/0`),
 * the Referer, a VPC or the caller's account restrict; `SecureTransport`, times and the user
 * agent only shape how the public gets in, so they do not.
 * @module
 */
import type { BucketPolicyWire } from '../clients/obs/schemas.ts'

type Statement = BucketPolicyWire['Statement'][number]

const RESTRICTING_KEYS = new Set([
  'sourceip',
  'referer',
  'sourcevpc',
  'sourcevpce',
  'principalaccount',
  'principalorgid',
  'userid',
  'username',
])

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v])

/** Whether the statement's principal is anyone. */
export function isPublicPrincipal(p: Statement['Principal']): boolean {
  if (p === undefined) return false
  if (p === '*') return true
  return Object.values(p).some((v) => list(v).includes('*'))
}

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0'])

/** Whether a `Condition` block narrows who may use the statement. */
export function restricts(condition: Statement['Condition']): boolean {
  if (!condition) return false
  for (const [operator, keys] of Object.entries(condition)) {
    for (const [rawKey, value] of Object.entries(keys)) {
      const key = rawKey.replace(/^(aws|obs|s3):/i, '').toLowerCase()
      if (!RESTRICTING_KEYS.has(key)) continue
      if (
        key === 'sourceip' &&
        /^IpAddress$/i.test(operator) &&
        list(value).some((v) => OPEN_CIDRS.has(String(v)))
      )
        continue
      return true
    }
  }
  return false
}

/** The public `Allow` statements, by `Sid` or `#<index>`. */
export function publicStatements(policy: BucketPolicyWire): string[] {
  return policy.Statement.flatMap((s, i) =>
    s.Effect === 'Allow' && isPublicPrincipal(s.Principal) && !restricts(s.Condition)
      ? [s.Sid ?? `#${i}`]
      : [],
  )
}
