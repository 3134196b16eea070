/**
 * OTC IAM extensions `/v3.0/OS-*` under `/identity` (otc-api.md §9): user details, virtual MFA
 * devices, login protection, access keys, security policies and agencies. These take only
 * domain-scoped tokens (checked in `_route.ts`).
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type Shared, serve } from '../_route.ts'
import type { AccessKey, User, World } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const TYPES = ['uppercase letters', 'lowercase letters', 'digits', 'special characters']

function credentialWire(u: User, k: AccessKey, withLastUse: boolean) {
  return {
    user_id: u.id,
    access: k.access,
    status: k.status,
    create_time: fmt.isoMicrosZ(k.createdAt),
    description: k.description,
    ...(withLastUse ? { last_use_time: fmt.isoMicrosZ(k.lastUsed ?? k.createdAt) } : {}),
  } satisfies WireInput<'iam.ListCredentials'>['credentials'][number]
}

function userDetail(world: World, u: User, origin: string): WireInput<'iam.ShowUser'>['user'] {
  return {
    id: u.id,
    name: u.name,
    domain_id: world.domain.id,
    enabled: u.enabled,
    pwd_status: u.mustChangePassword,
    pwd_strength: 'Strong',
    create_time: fmt.spaceTenths(u.createdAt),
    update_time: null,
    last_login_time: u.lastLogin === null ? null : fmt.spaceTenths(u.lastLogin),
    last_pwd_auth_time: u.lastLogin === null ? null : fmt.spaceTenths(u.lastLogin),
    password_expires_at: u.passwordExpiresAt === null ? null : fmt.isoMicrosZ(u.passwordExpiresAt),
    is_domain_owner: u.isDomainOwner,
    xuser_id: '',
    xuser_type: '',
    email: u.email,
    areacode: '',
    phone: '-',
    description: u.description,
    access_mode: u.accessMode,
    links: { self: `${origin}/identity/v3.0/OS-USER/users/${u.id}` },
  }
}

/** IAM extension routes. */
export function iamRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared
  const adminGroup = world.groups.find((g) => g.name === 'admin')?.id

  serve(app, shared, 'iam.ShowUser', (r) => {
    const u = shared.index.userById.get(r.params.user_id ?? '')
    if (!u) return r.fail(404, `Could not find user: ${r.params.user_id}.`)
    return { user: userDetail(world, u, r.origin) }
  })

  serve(app, shared, 'iam.ListVirtualMfaDevices', () => ({
    virtual_mfa_devices: world.users.flatMap((u) =>
      u.mfaSerial === null ? [] : [{ user_id: u.id, serial_number: u.mfaSerial }],
    ),
  }))

  serve(app, shared, 'iam.ListLoginProtects', () => ({
    login_protects: world.users.flatMap((u) =>
      u.loginProtection === null
        ? []
        : [
            {
              user_id: u.id,
              enabled: u.loginProtection.enabled,
              verification_method: u.loginProtection.method,
            },
          ],
    ),
  }))

  serve(app, shared, 'iam.ListCredentials', async (r) => {
    // Without user_id an administrator sees every key, anyone else only their own.
    const userId = r.q('user_id')
    const isAdmin = adminGroup !== undefined && r.auth.user.groupIds.includes(adminGroup)
    const users = world.users.filter((u) =>
      userId !== undefined ? u.id === userId : isAdmin || u.id === r.auth.user.id,
    )
    const perUser = await r.map(users, (u) => u.accessKeys.map((k) => credentialWire(u, k, false)))
    return { credentials: perUser.flat() }
  })

  serve(app, shared, 'iam.ShowCredential', (r) => {
    for (const u of world.users)
      for (const k of u.accessKeys)
        if (k.access === r.params.access_key) return { credential: credentialWire(u, k, true) }
    return r.fail(404, `Could not find credential: ${r.params.access_key}.`)
  })

  serve(app, shared, 'iam.ShowPasswordPolicy', () => {
    const p = world.domain.passwordPolicy
    return {
      password_policy: {
        minimum_password_length: p.minimumPasswordLength,
        maximum_password_length: p.maximumPasswordLength,
        minimum_password_age: p.minimumPasswordAge,
        password_validity_period: p.passwordValidityPeriod,
        number_of_recent_passwords_disallowed: p.numberOfRecentPasswordsDisallowed,
        maximum_consecutive_identical_chars: p.maximumConsecutiveIdenticalChars,
        password_not_username_or_invert: p.passwordNotUsernameOrInvert,
        password_requirements: `A password must contain at least ${['', 'one', 'two', 'three', 'four'][p.passwordCharCombination]} of the following: ${TYPES.join(', ')}.`,
      },
    }
  })

  serve(app, shared, 'iam.ShowLoginPolicy', () => {
    const p = world.domain.loginPolicy
    return {
      login_policy: {
        account_validity_period: p.accountValidityPeriod,
        custom_info_for_login: p.customInfoForLogin,
        lockout_duration: p.lockoutDuration,
        login_failed_times: p.loginFailedTimes,
        period_with_login_failures: p.periodWithLoginFailures,
        session_timeout: p.sessionTimeout,
        show_recent_login_info: p.showRecentLoginInfo,
      },
    }
  })

  serve(app, shared, 'iam.ShowProtectPolicy', () => ({
    protect_policy: {
      operation_protection: world.domain.protectPolicy.operationProtection,
      admin_check: 'off',
      scene: '',
      mobile: '',
      email: '',
      allow_user: {
        manage_accesskey: true,
        manage_email: true,
        manage_mobile: true,
        manage_password: true,
      },
    },
  }))

  serve(app, shared, 'iam.ListAgencies', (r) => {
    const domainId = r.q('domain_id')
    if (domainId === undefined) return r.fail(400, 'The domain_id query parameter is required.')
    const name = r.q('name')
    const trust = r.q('trust_domain_id')
    return {
      agencies: world.agencies
        .filter(
          (a) =>
            domainId === world.domain.id &&
            (name === undefined || a.name === name) &&
            (trust === undefined || a.trustDomainId === trust),
        )
        .map((a) => ({
          id: a.id,
          name: a.name,
          domain_id: world.domain.id,
          trust_domain_id: a.trustDomainId,
          trust_domain_name: a.trustDomainName,
          description: a.description,
          duration: a.duration,
          create_time: fmt.isoMicros(a.createdAt),
          expire_time: null,
        })),
    }
  })

  return app
}
