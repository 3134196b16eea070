/**
 * Wire shapes of the OTC IAM extension API (`/v3.0/OS-*`, domain-scoped token): user details,
 * virtual MFA devices, login protection, access keys, account security policies, agencies.
 * @module
 */
import { z } from 'zod'

/** The `user` of GET /v3.0/OS-USER/users/{user_id} (IAM "Querying User Details (Recommended)"). */
export const UserDetailWire = z.object({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean(),
  /** true = must change the password at next login. */
  pwd_status: z.boolean().nullish(),
  pwd_strength: z.string().nullish(),
  /** `yyyy-MM-dd HH:mm:ss.S` (UTC). */
  create_time: z.string().nullish(),
  update_time: z.string().nullish(),
  /** null when the user never logged in. */
  last_login_time: z.string().nullish(),
  last_pwd_auth_time: z.string().nullish(),
  password_expires_at: z.string().nullish(),
  is_domain_owner: z.boolean().optional(),
  xuser_id: z.string().nullish(),
  xuser_type: z.string().nullish(),
  email: z.string().nullish(),
  areacode: z.string().nullish(),
  phone: z.string().nullish(),
  description: z.string().nullish(),
  /** default, programmatic, console; not documented as returned on OTC. */
  access_mode: z.string().optional(),
  links: z.object({ self: z.string() }).loose().optional(),
})
export type UserDetailWire = z.output<typeof UserDetailWire>

/** GET /v3.0/OS-USER/users/{user_id} (IAM "Querying User Details (Recommended)"). */
export const ShowUserResponse = z.object({ user: UserDetailWire })
export type ShowUserResponse = z.output<typeof ShowUserResponse>

/** One virtual MFA device (IAM "Querying MFA Device Information of Users"). */
export const VirtualMfaDeviceWire = z.object({ user_id: z.string(), serial_number: z.string() })
export type VirtualMfaDeviceWire = z.output<typeof VirtualMfaDeviceWire>

/** GET /v3.0/OS-MFA/virtual-mfa-devices (IAM "Querying MFA Device Information of Users"; users without one are absent). */
export const ListVirtualMfaDevicesResponse = z.object({
  virtual_mfa_devices: z.array(VirtualMfaDeviceWire),
})
export type ListVirtualMfaDevicesResponse = z.output<typeof ListVirtualMfaDevicesResponse>

/** One login protection setting (IAM "Querying Login Protection Configurations of Users"). */
export const LoginProtectWire = z.object({
  user_id: z.string(),
  enabled: z.boolean(),
  /** email, vmfa, sms, none. */
  verification_method: z.string(),
})
export type LoginProtectWire = z.output<typeof LoginProtectWire>

/** GET /v3.0/OS-USER/login-protects (IAM "Querying Login Protection Configurations of Users"). */
export const ListLoginProtectsResponse = z.object({ login_protects: z.array(LoginProtectWire) })
export type ListLoginProtectsResponse = z.output<typeof ListLoginProtectsResponse>

/** One permanent access key (IAM "Listing Permanent Access Keys"); the list has no last_use_time. */
export const CredentialWire = z.object({
  user_id: z.string(),
  access: z.string(),
  status: z.enum(['active', 'inactive']),
  create_time: z.string(),
  description: z.string().nullish(),
  /** Only in the single-key response; equals create_time when never used. */
  last_use_time: z.string().nullish(),
})
export type CredentialWire = z.output<typeof CredentialWire>

/** GET /v3.0/OS-CREDENTIAL/credentials (IAM "Listing Permanent Access Keys"). */
export const ListCredentialsResponse = z.object({ credentials: z.array(CredentialWire) })
export type ListCredentialsResponse = z.output<typeof ListCredentialsResponse>

/** GET /v3.0/OS-CREDENTIAL/credentials/{access_key} (IAM "Querying a Permanent Access Key"). */
export const ShowCredentialResponse = z.object({ credential: CredentialWire })
export type ShowCredentialResponse = z.output<typeof ShowCredentialResponse>

/** The account password policy (IAM "Querying the Password Policy"). */
export const PasswordPolicyWire = z.object({
  minimum_password_length: z.number(),
  maximum_password_length: z.number().optional(),
  /** Minutes. */
  minimum_password_age: z.number().optional(),
  /** Days; 0 = never expires. */
  password_validity_period: z.number(),
  number_of_recent_passwords_disallowed: z.number(),
  maximum_consecutive_identical_chars: z.number().optional(),
  password_not_username_or_invert: z.boolean().optional(),
  password_requirements: z.string().optional(),
})
export type PasswordPolicyWire = z.output<typeof PasswordPolicyWire>

/** GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/password-policy (IAM "Querying the Password Policy"). */
export const ShowPasswordPolicyResponse = z.object({ password_policy: PasswordPolicyWire })
export type ShowPasswordPolicyResponse = z.output<typeof ShowPasswordPolicyResponse>

/** The account login policy (IAM "Querying the Login Authentication Policy"). */
export const LoginPolicyWire = z.object({
  /** Days; 0 = users are never disabled for inactivity. */
  account_validity_period: z.number(),
  custom_info_for_login: z.string().nullish(),
  /** Minutes. */
  lockout_duration: z.number(),
  login_failed_times: z.number(),
  period_with_login_failures: z.number().optional(),
  /** Minutes. */
  session_timeout: z.number(),
  show_recent_login_info: z.boolean().optional(),
})
export type LoginPolicyWire = z.output<typeof LoginPolicyWire>

/** GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/login-policy (IAM "Querying the Login Authentication Policy"). */
export const ShowLoginPolicyResponse = z.object({ login_policy: LoginPolicyWire })
export type ShowLoginPolicyResponse = z.output<typeof ShowLoginPolicyResponse>

/** The account operation protection policy (IAM "Querying the Operation Protection Policy"). */
export const ProtectPolicyWire = z.object({
  operation_protection: z.boolean(),
  admin_check: z.string().optional(),
  scene: z.string().optional(),
  mobile: z.string().optional(),
  email: z.string().optional(),
  allow_user: z.record(z.string(), z.boolean()).optional(),
})
export type ProtectPolicyWire = z.output<typeof ProtectPolicyWire>

/** GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy (IAM "Querying the Operation Protection Policy"). */
export const ShowProtectPolicyResponse = z.object({ protect_policy: ProtectPolicyWire })
export type ShowProtectPolicyResponse = z.output<typeof ShowProtectPolicyResponse>

/** One agency (IAM "Querying an Agency List Based on the Specified Conditions"). */
export const AgencyWire = z.object({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  /** The delegated account; a foreign id means another account may act in ours. */
  trust_domain_id: z.string(),
  trust_domain_name: z.string().nullish(),
  description: z.string().nullish(),
  /** null = unlimited (`FOREVER`), else e.g. `ONEDAY`. */
  duration: z.string().nullish(),
  create_time: z.string(),
  expire_time: z.string().nullish(),
})
export type AgencyWire = z.output<typeof AgencyWire>

/** GET /v3.0/OS-AGENCY/agencies?domain_id= (IAM "Querying an Agency List Based on the Specified Conditions"). */
export const ListAgenciesResponse = z.object({ agencies: z.array(AgencyWire) })
export type ListAgenciesResponse = z.output<typeof ListAgenciesResponse>
