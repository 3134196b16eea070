/**
 * Permanent access keys (AK/SK) of IAM users.
 * @module
 */
import { callOne, listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { CredentialWire } from './schemas.ts'

/** Filters of {@link listCredentials}. */
export interface ListCredentialsQuery {
  /** Whose keys; without it a non-admin caller sees only its own. */
  user_id?: string
}

// GET /v3.0/OS-CREDENTIAL/credentials (IAM extension, domain-scoped token; unpaged)
/**
 * Lists access keys (no `last_use_time`: see {@link showCredential}).
 * @example const keys = await listCredentials(iam, { user_id: user.id })
 */
export function listCredentials(
  client: ServiceClient,
  query: ListCredentialsQuery = {},
  signal?: AbortSignal,
): Promise<CredentialWire[]> {
  return listItems(client, OPS['iam.ListCredentials'], { query: { ...query }, signal })
}

// GET /v3.0/OS-CREDENTIAL/credentials/{access_key} (IAM extension, domain-scoped token)
/** One access key with `last_use_time` (equal to `create_time` when never used). */
export async function showCredential(
  client: ServiceClient,
  accessKey: string,
  signal?: AbortSignal,
): Promise<CredentialWire> {
  const body = await callOne(client, OPS['iam.ShowCredential'], {
    params: { access_key: accessKey },
    signal,
  })
  return body.credential
}
