/**
 * IAM user details from the OTC extension API (login and password timestamps Keystone lacks).
 * @module
 */
import { callOne } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { UserDetailWire } from './schemas.ts'

// GET /v3.0/OS-USER/users/{user_id} (IAM extension, domain-scoped token; one call per user)
/**
 * One user's details, including `last_login_time` (null if never) and `pwd_status`.
 * @example const { last_login_time } = await showUser(iam, user.id)
 */
export async function showUser(
  client: ServiceClient,
  userId: string,
  signal?: AbortSignal,
): Promise<UserDetailWire> {
  const body = await callOne(client, OPS['iam.ShowUser'], { params: { user_id: userId }, signal })
  return body.user
}
