/**
 * Login protection (second factor at console login) of the account's users.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { LoginProtectWire } from './schemas.ts'

// GET /v3.0/OS-USER/login-protects (IAM extension, domain-scoped token; unpaged)
/** Lists every login protection setting; users never configured are absent (= off). */
export function listLoginProtects(
  client: ServiceClient,
  _query: Record<string, never> = {},
  signal?: AbortSignal,
): Promise<LoginProtectWire[]> {
  return listItems(client, OPS['iam.ListLoginProtects'], { signal })
}
