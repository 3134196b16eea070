/**
 * Canonical IAM extension (/v3.0) samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { fakeHex, makeBuilder } from '../testing/fixture-ids.ts'
import {
  AgencyWire,
  CredentialWire,
  LoginPolicyWire,
  LoginProtectWire,
  PasswordPolicyWire,
  ProtectPolicyWire,
  UserDetailWire,
  VirtualMfaDeviceWire,
} from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §9.1 GET /v3.0/OS-USER/users/{user_id}. */
export const iamUserDetailSample = {
  user: {
    id: '093f75808b8089ba1f6dc000c7cac...',
    name: 'autotest1',
    domain_id: '086ba757f90089cf0fe5c000dbe7f...',
    enabled: true,
    pwd_status: false,
    pwd_strength: 'Strong',
    create_time: '2020-07-08 02:19:03.0',
    update_time: null,
    last_login_time: null,
    last_pwd_auth_time: null,
    is_domain_owner: false,
    xuser_id: '',
    xuser_type: '',
    email: '',
    areacode: '',
    phone: '-',
    description: '',
    links: {
      self: 'https://iam.eu-de.otc.t-systems.com/v3.0/OS-USER/users/093f75808b8089ba1f6dc000c7cac...',
      previous: null,
      next: null,
    },
  },
}

/** Real sample body, verbatim from otc-api.md §9.2 GET /v3.0/OS-MFA/virtual-mfa-devices. */
export const iamVirtualMfaDevicesSample = {
  virtual_mfa_devices: [
    {
      user_id: '16b26081f43d4c628c4bb88cf32e9...',
      serial_number: 'iam/mfa/16b26081f43d4c628c4bb88cf32e9...',
    },
  ],
}

/** Real sample body, verbatim from otc-api.md §9.3 GET /v3.0/OS-USER/login-protects. */
export const iamLoginProtectsSample = {
  login_protects: [
    { user_id: '16b26081f43d4c628c4bb88cf32e9...', enabled: true, verification_method: 'vmfa' },
  ],
}

/** Real sample body, verbatim from otc-api.md §9.4 GET /v3.0/OS-CREDENTIAL/credentials. */
export const iamCredentialsSample = {
  credentials: [
    {
      user_id: '07609fb9358010e21f7bc0037...',
      access: 'LOSZM4YRVLKOY9E8X...',
      status: 'active',
      create_time: '2020-01-08T06:26:08.123059Z',
      description: '',
    },
  ],
}

/** Real sample body, verbatim from otc-api.md §9.6 GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/password-policy. */
export const iamPasswordPolicySample = {
  password_policy: {
    minimum_password_length: 6,
    maximum_password_length: 32,
    minimum_password_age: 20,
    password_validity_period: 60,
    number_of_recent_passwords_disallowed: 2,
    maximum_consecutive_identical_chars: 3,
    password_not_username_or_invert: true,
    password_requirements:
      'A password must contain at least two of the following: uppercase letters, lowercase letters, digits, and special characters.',
  },
}

/** Real sample body, verbatim from otc-api.md §9.6 GET .../login-policy. */
export const iamLoginPolicySample = {
  login_policy: {
    account_validity_period: 99,
    custom_info_for_login: '',
    lockout_duration: 15,
    login_failed_times: 3,
    period_with_login_failures: 15,
    session_timeout: 16,
    show_recent_login_info: true,
  },
}

/** Real sample body, verbatim from otc-api.md §9.6 GET .../protect-policy. */
export const iamProtectPolicySample = {
  protect_policy: {
    operation_protection: false,
    admin_check: 'off',
    scene: '',
    mobile: '',
    email: '',
    allow_user: {
      manage_accesskey: false,
      manage_email: false,
      manage_mobile: false,
      manage_password: false,
    },
  },
}

/** Real sample body, verbatim from otc-api.md §9.7 GET /v3.0/OS-AGENCY/agencies. */
export const iamAgenciesSample = {
  agencies: [
    {
      id: 'afca8ddf2e92469a8fd26a635da5206f',
      name: 'exampleagency',
      domain_id: '0ae9c6993a2e47bb8c4c7a9bb8278d61',
      trust_domain_id: 'b3f266d0c08544a0859740de8b84e850',
      trust_domain_name: 'exampledomain',
      description: ' testsfdas ',
      duration: null,
      create_time: '2017-01-04T09:09:15.000000',
      expire_time: null,
    },
  ],
}

/**
 * The §9.4 single-key response of GET /v3.0/OS-CREDENTIAL/credentials/{access_key}: the doc
 * gives only `{"credential":{..., "last_use_time": ...}}`, so the list item fills the `...`.
 */
export const iamCredentialSample = {
  credential: {
    ...iamCredentialsSample.credentials[0],
    last_use_time: '2020-01-08T06:26:08.123059Z',
  },
}

const hexId = (seed: string) => fakeHex(seed, 32)

/**
 * A valid user detail (never logged in, per the doc sample); a new `name` derives a stable new `id`.
 * @example userDetailWire({ name: 'alice', last_login_time: '2024-01-02 03:04:05.0' })
 */
export const userDetailWire = makeBuilder<UserDetailWire>(
  UserDetailWire.parse(iamUserDetailSample.user),
  { kind: 'user', makeId: hexId },
)

/** A valid virtual MFA device; set `user_id` (the serial follows it unless given). */
export function virtualMfaDeviceWire(
  overrides: Partial<VirtualMfaDeviceWire> = {},
): VirtualMfaDeviceWire {
  const base = VirtualMfaDeviceWire.parse(iamVirtualMfaDevicesSample.virtual_mfa_devices[0])
  const user_id = overrides.user_id ?? base.user_id
  return { ...base, user_id, serial_number: `iam/mfa/${user_id}`, ...overrides }
}

/** A valid login protection setting (enabled, virtual MFA). */
export const loginProtectWire = makeBuilder<LoginProtectWire>(
  LoginProtectWire.parse(iamLoginProtectsSample.login_protects[0]),
  { kind: 'login-protect', idKey: 'user_id', nameKey: 'user_id' },
)

/**
 * A valid active access key; a new `description` derives a stable new `access` key id.
 * @example credentialWire({ user_id: userDetailWire().id, status: 'inactive' })
 */
export const credentialWire = makeBuilder<CredentialWire>(
  CredentialWire.parse(iamCredentialsSample.credentials[0]),
  {
    kind: 'credential',
    idKey: 'access',
    nameKey: 'description',
    makeId: (seed) => fakeHex(seed, 20).toUpperCase(),
  },
)

/** A valid password policy (the doc sample: length 6, 60-day validity, 2 recent disallowed). */
export const passwordPolicyWire = (o: Partial<PasswordPolicyWire> = {}): PasswordPolicyWire => ({
  ...PasswordPolicyWire.parse(iamPasswordPolicySample.password_policy),
  ...o,
})

/** A valid login policy (the doc sample: lockout after 3 failures, 16-minute sessions). */
export const loginPolicyWire = (o: Partial<LoginPolicyWire> = {}): LoginPolicyWire => ({
  ...LoginPolicyWire.parse(iamLoginPolicySample.login_policy),
  ...o,
})

/** A valid operation protection policy (the doc sample: protection off). */
export const protectPolicyWire = (o: Partial<ProtectPolicyWire> = {}): ProtectPolicyWire => ({
  ...ProtectPolicyWire.parse(iamProtectPolicySample.protect_policy),
  ...o,
})

/**
 * A valid agency to a foreign account with unlimited duration; a new `name` derives a stable id.
 * @example agencyWire({ name: 'ops', duration: 'ONEDAY' })
 */
export const agencyWire = makeBuilder<AgencyWire>(AgencyWire.parse(iamAgenciesSample.agencies[0]), {
  kind: 'agency',
  makeId: hexId,
})
