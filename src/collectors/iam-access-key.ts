/**
 * IAM permanent access keys. The list shows an administrator only their own keys unless it is
 * asked per user, and it lacks `last_use_time`, so this is a double fan-out: keys per user, then
 * each key for its last use.
 * @module
 */
import { listCredentials, showCredential } from '../clients/iam/credentials.ts'
import type { CredentialWire } from '../clients/iam/schemas.ts'
import { GLOBAL_REGION, type IamAccessKey } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector } from './_collector.ts'
import { keystoneUsers } from './_iam.ts'
import { fanOutIssue } from './_issue.ts'
import { isoTime, nameOr } from './_map.ts'
import { FAN_OUT, failures, mapSettled } from './_pool.ts'

/**
 * Maps an access key (id = the access key id, never the secret). `lastUsedAt` is null when the
 * single-key call was not made or failed; OTC reports the creation time for keys never used.
 */
export function toIamAccessKey(w: CredentialWire): IamAccessKey {
  return {
    type: 'iam.access-key',
    id: w.access,
    name: nameOr(w.description, w.access),
    region: GLOBAL_REGION,
    userId: w.user_id,
    status: w.status,
    createdAt: isoTime(w.create_time),
    lastUsedAt: isoTime(w.last_use_time),
  }
}

/**
 * Collects `iam.access-key` (GET /v3.0/OS-CREDENTIAL/credentials?user_id= per user, then
 * GET /v3.0/OS-CREDENTIAL/credentials/{ak} per key). Keys of users whose list fails are missing
 * (an issue); a key whose detail fails is kept with `lastUsedAt` null (an issue too).
 */
export const iamAccessKeyCollector = defineCollector({
  type: 'iam.access-key',
  service: 'iam',
  services: ['identity', 'iam'],
  global: true,
  async collect(ctx): Promise<CollectorOutput<'iam.access-key'>> {
    const iam = await ctx.client('iam')
    const users = await keystoneUsers(ctx)
    const lists = await mapSettled(
      users,
      FAN_OUT,
      (u) => listCredentials(iam, { user_id: u.id }, ctx.signal),
      ctx.signal,
    )
    const byId = new Map<string, CredentialWire>()
    for (const l of lists) if (l.ok) for (const c of l.value) byId.set(c.access, c)
    const keys = [...byId.values()]
    const shown = await mapSettled(
      keys,
      FAN_OUT,
      (k) => showCredential(iam, k.access, ctx.signal),
      ctx.signal,
    )
    const resources = keys.map((k, i) => {
      const s = shown[i]!
      return toIamAccessKey(s.ok ? { ...k, last_use_time: s.value.last_use_time } : k)
    })
    const issues = [
      fanOutIssue(
        ctx.issue,
        failures(lists),
        users.length,
        'access keys per user (ListCredentials)',
      ),
      fanOutIssue(ctx.issue, failures(shown), keys.length, 'last use of keys (ShowCredential)'),
    ].filter((x) => x !== undefined)
    return { resources, issues }
  },
})
