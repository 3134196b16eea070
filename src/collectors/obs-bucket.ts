/**
 * OBS buckets of the scanned region. The bucket list holds every region's buckets; those of this
 * region are kept (native `Location`, else `GET /?location` per bucket), then each bucket's ACL,
 * policy, default encryption, versioning and logging are read, one call each. A failed read
 * leaves that field null and becomes an issue; the bucket itself stays in the inventory.
 *
 * Buckets belong to the account, not to a project: they are collected with the region's main
 * project (named like the region, otc-api-platform.md §9.2) and not again with its sub-projects.
 * @module
 */
import {
  getBucketAcl,
  getBucketEncryption,
  getBucketLocation,
  getBucketLogging,
  getBucketPolicy,
  getBucketVersioning,
  listBuckets,
} from '../clients/obs/buckets.ts'
import type {
  BucketPolicyWire,
  BucketWire,
  EncryptionWire,
  GrantWire,
} from '../clients/obs/schemas.ts'
import type { ObsBucket, ObsPublicGrant } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'
import { fanOutIssue } from './_issue.ts'
import { isoTime } from './_map.ts'
import { publicStatements } from './_obs-policy.ts'
import { FAN_OUT, mapSettled, type Settled } from './_pool.ts'

/** What was read of one bucket; `undefined` = that read failed. */
export interface BucketReads {
  acl?: { grants: readonly GrantWire[] }
  policy?: BucketPolicyWire | null
  encryption?: EncryptionWire | null
  versioning?: { status: string | null }
  logging?: { enabled: boolean; targetBucket?: string; targetPrefix?: string }
}

/** Grants to everyone / all authenticated users. */
export function publicGrants(grants: readonly GrantWire[]): ObsPublicGrant[] {
  return grants.flatMap((g) =>
    g.grantee.kind === 'everyone' || g.grantee.kind === 'authenticated'
      ? [{ grantee: g.grantee.kind, permission: g.permission }]
      : [],
  )
}

/** Maps a bucket and its reads. */
export function toObsBucket(b: BucketWire, r: BucketReads, ctx: MapContext): ObsBucket {
  const enc = r.encryption
  const log = r.logging
  return {
    type: 'obs.bucket',
    id: b.name,
    name: b.name,
    region: ctx.region,
    projectId: ctx.projectId,
    createdAt: isoTime(b.creationDate),
    publicGrants: r.acl ? publicGrants(r.acl.grants) : null,
    publicPolicyStatements:
      r.policy === undefined ? null : r.policy === null ? [] : publicStatements(r.policy),
    defaultEncryption:
      enc === undefined
        ? null
        : enc === null
          ? false
          : { algorithm: enc.algorithm, kmsKeyId: enc.kmsKeyId ?? null },
    versioning: r.versioning === undefined ? null : (r.versioning.status ?? 'Disabled'),
    logging:
      log === undefined
        ? null
        : log.enabled
          ? { targetBucket: log.targetBucket ?? '', targetPrefix: log.targetPrefix ?? '' }
          : false,
  }
}

const value = <T>(s: Settled<T>): T | undefined => (s.ok ? s.value : undefined)

/** Collects `obs.bucket` (GET / then six reads per bucket of the region). */
export const obsBucketCollector = defineCollector({
  type: 'obs.bucket',
  service: 'obs',
  services: ['obs'],
  async collect(ctx): Promise<CollectorOutput<'obs.bucket'>> {
    const name = ctx.projectName
    if (name !== undefined && name !== ctx.region && name.startsWith(`${ctx.region}_`))
      return { resources: [] }
    const obs = await ctx.client('obs')
    const { buckets } = await listBuckets(obs, ctx.signal)
    const unplaced = buckets.filter((b) => b.location === undefined)
    const located = await mapSettled(
      unplaced,
      FAN_OUT,
      (b) => getBucketLocation(obs, b.name, ctx.signal),
      ctx.signal,
    )
    const where = new Map(unplaced.map((b, i) => [b.name, value(located[i]!)]))
    const mine = buckets.filter((b) => (b.location ?? where.get(b.name)) === ctx.region)
    const s = ctx.signal
    const reads = await mapSettled(
      mine,
      FAN_OUT,
      async (b) => {
        const [acl, policy, encryption, versioning, logging] = await Promise.all([
          settle(getBucketAcl(obs, b.name, s)),
          settle(getBucketPolicy(obs, b.name, s)),
          settle(getBucketEncryption(obs, b.name, s)),
          settle(getBucketVersioning(obs, b.name, s)),
          settle(getBucketLogging(obs, b.name, s)),
        ])
        return { acl, policy, encryption, versioning, logging }
      },
      s,
    )
    const errors: Record<string, unknown[]> = {}
    const resources = mine.map((b, i) => {
      const r = reads[i]!
      if (!r.ok) throw r.error
      for (const [k, v] of Object.entries(r.value))
        if (!v.ok) errors[k] = [...(errors[k] ?? []), v.error]
      return toObsBucket(
        b,
        {
          acl: value(r.value.acl),
          policy: value(r.value.policy),
          encryption: value(r.value.encryption),
          versioning: value(r.value.versioning),
          logging: value(r.value.logging),
        },
        ctx,
      )
    })
    const issues = [
      fanOutIssue(
        ctx.issue,
        located.flatMap((x) => (x.ok ? [] : [x.error])),
        unplaced.length,
        'bucket locations (GetBucketLocation)',
      ),
      ...Object.entries(errors).map(([k, errs]) =>
        fanOutIssue(
          ctx.issue,
          errs,
          mine.length,
          `bucket ${k} (GetBucket${k[0]!.toUpperCase()}${k.slice(1)})`,
        ),
      ),
    ].filter((x) => x !== undefined)
    return { resources, issues }
  },
})

async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await p }
  } catch (error) {
    return { ok: false, error }
  }
}
