/**
 * Account-wide security settings: password, login and operation protection policies. The
 * transport fills `{domain_id}` from the domain-scoped token.
 * @module
 */
import { callOne } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { LoginPolicyWire, PasswordPolicyWire, ProtectPolicyWire } from './schemas.ts'

// GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/password-policy (IAM extension, domain scope)
/** The account's password policy. */
export async function showPasswordPolicy(
  client: ServiceClient,
  signal?: AbortSignal,
): Promise<PasswordPolicyWire> {
  return (await callOne(client, OPS['iam.ShowPasswordPolicy'], { signal })).password_policy
}

// GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/login-policy (IAM extension, domain scope)
/** The account's login policy (lockout, session timeout, inactivity disabling). */
export async function showLoginPolicy(
  client: ServiceClient,
  signal?: AbortSignal,
): Promise<LoginPolicyWire> {
  return (await callOne(client, OPS['iam.ShowLoginPolicy'], { signal })).login_policy
}

// GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy (IAM extension, domain scope)
/** The account's operation protection policy. */
export async function showProtectPolicy(
  client: ServiceClient,
  signal?: AbortSignal,
): Promise<ProtectPolicyWire> {
  return (await callOne(client, OPS['iam.ShowProtectPolicy'], { signal })).protect_policy
}
