/**
 * Resolves the OBS buckets of a world file: canned ACLs to grants, policy statements, the KMS
 * key of SSE-KMS, and log targets (which must be buckets of the world too).
 * @module
 */
import type { ResolveContext } from './_context.ts'
import { uuidFor } from './ids.ts'
import type { Bucket, BucketGrantee, Domain } from './model.ts'
import type { WorldFileData } from './schema.ts'

type Grant = { grantee: BucketGrantee; permission: string }

/** The grants of a canned ACL (otc-api-platform.md §2.5): the owner's plus the public ones. */
export function cannedGrants(acl: WorldFileData['buckets'][number]['acl']): Grant[] {
  const owner: Grant = { grantee: 'owner', permission: 'FULL_CONTROL' }
  switch (acl) {
    case 'public-read':
      return [owner, { grantee: 'everyone', permission: 'READ' }]
    case 'public-read-write':
      return [
        owner,
        { grantee: 'everyone', permission: 'READ' },
        { grantee: 'everyone', permission: 'WRITE' },
      ]
    case 'authenticated-read':
      return [owner, { grantee: 'authenticated', permission: 'READ' }]
    case 'log-delivery-write':
      return [
        owner,
        { grantee: 'log-delivery', permission: 'WRITE' },
        { grantee: 'log-delivery', permission: 'READ_ACP' },
      ]
    default:
      return [owner]
  }
}

export function resolveBuckets(f: WorldFileData, ctx: ResolveContext, domain: Domain): Bucket[] {
  const names = new Set<string>()
  const buckets = f.buckets.map((b, i): Bucket => {
    const path = `buckets[${i}]`
    if (names.has(b.name)) ctx.issue(`${path}.name`, `duplicate bucket name "${b.name}"`)
    names.add(b.name)
    const project = ctx.project(b.project, `${path}.project`)
    return {
      name: b.name,
      projectId: project.id,
      region: project.region,
      grants: cannedGrants(b.acl),
      policy:
        b.policy.length === 0
          ? null
          : b.policy.map((s, k) => ({
              sid: s.sid ?? `Stmt${k + 1}`,
              effect: s.effect,
              principal: s.principal === 'public' ? '*' : domain.id,
              actions: s.actions,
              sourceIps: s.sourceIps,
              referers: s.referers,
              secureTransport: s.secureTransport,
            })),
      encryption:
        b.encryption === 'none'
          ? null
          : {
              algorithm: b.encryption,
              keyId: b.encryption === 'kms' ? uuidFor('kms-key', project.name, 'obs') : null,
            },
      versioning: b.versioning === 'none' ? null : b.versioning,
      logging: b.logging && { targetBucket: b.logging.targetBucket, prefix: b.logging.prefix },
      createdAt: ctx.time(b.createdAt, `${path}.createdAt`),
    }
  })
  f.buckets.forEach((b, i) => {
    if (b.logging && !names.has(b.logging.targetBucket))
      ctx.issue(`buckets[${i}].logging.targetBucket`, `unknown bucket "${b.logging.targetBucket}"`)
  })
  return buckets
}
