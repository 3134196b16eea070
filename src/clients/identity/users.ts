/**
 * Keystone users of the account.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { UserWire } from './schemas.ts'

/** Filters of {@link listUsers}, in wire names. */
export interface ListUsersQuery {
  domain_id?: string
  name?: string
  enabled?: boolean
  /** `<op>:<timestamp>`, e.g. `lt:2024-01-01T00:00:00Z`. */
  password_expires_at?: string
}

// GET /v3/users (Keystone/IAM, domain-scoped token; unpaged, follows links.next if set)
/** Lists every IAM user (for `last_login_time` etc. see `iam/users.ts` `showUser`). */
export function listUsers(
  client: ServiceClient,
  query: ListUsersQuery = {},
  signal?: AbortSignal,
): Promise<UserWire[]> {
  return listItems(client, OPS['identity.ListUsers'], { query: { ...query }, signal })
}
