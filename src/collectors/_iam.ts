/**
 * Shared IAM reads: the Keystone user list is needed by both the user and the access-key
 * collectors and is fetched once per run.
 * @module
 */
import type { UserWire } from '../clients/identity/schemas.ts'
import { listUsers } from '../clients/identity/users.ts'
import type { CollectContext } from './_collector.ts'

/** Every IAM user of the account (GET /v3/users), once per run. */
export function keystoneUsers(ctx: CollectContext): Promise<UserWire[]> {
  return ctx.shared('identity.users', async () =>
    listUsers(await ctx.client('identity'), {}, ctx.signal),
  )
}
