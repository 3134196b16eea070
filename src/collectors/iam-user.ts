/**
 * IAM users: the Keystone list, plus per user the OTC details (`last_login_time`,
 * `access_mode`), plus two account-wide lists that omit unconfigured users (virtual MFA
 * devices, login protection), where absence means "off" only if the list was read.
 * @module
 */

import { listLoginProtects } from '../clients/iam/login-protects.ts'
import { listVirtualMfaDevices } from '../clients/iam/mfa-devices.ts'
import type {
  LoginProtectWire,
  UserDetailWire,
  VirtualMfaDeviceWire,
} from '../clients/iam/schemas.ts'
import { showUser } from '../clients/iam/users.ts'
import type { UserWire } from '../clients/identity/schemas.ts'
import { GLOBAL_REGION, type IamUser } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector } from './_collector.ts'
import { keystoneUsers } from './_iam.ts'
import { fanOutIssue } from './_issue.ts'
import { isoTime } from './_map.ts'
import { FAN_OUT, failures, mapSettled, settle } from './_pool.ts'

/** Account-wide MFA facts; a null list could not be read (every user's value is then null). */
export interface IamSecurityFacts {
  mfaDevices: readonly VirtualMfaDeviceWire[] | null
  loginProtects: readonly LoginProtectWire[] | null
}

/** What one user is built from. */
export interface IamUserSource {
  user: UserWire
  detail: UserDetailWire
}

/**
 * Console access from `access_mode`: `default` and `console` allow the console, `programmatic`
 * does not; absent (OTC does not document returning it) or unknown values give null.
 */
export function consoleAccess(mode: string | undefined): boolean | null {
  if (mode === 'default' || mode === 'console') return true
  if (mode === 'programmatic') return false
  return null
}

/** Whether login protection is on with a real method; a user absent from a read list is off. */
export function loginProtection(
  userId: string,
  list: readonly LoginProtectWire[] | null,
): boolean | null {
  if (list === null) return null
  const lp = list.find((p) => p.user_id === userId)
  return lp?.enabled === true && lp.verification_method !== 'none'
}

/** Maps a user from its list entry, its details and the account's MFA facts. */
export function toIamUser(src: IamUserSource, facts: IamSecurityFacts): IamUser {
  const { user, detail } = src
  return {
    type: 'iam.user',
    id: user.id,
    name: user.name,
    region: GLOBAL_REGION,
    enabled: user.enabled,
    consoleAccess: consoleAccess(detail.access_mode),
    createdAt: isoTime(detail.create_time),
    lastLoginAt: isoTime(detail.last_login_time),
    mfa: facts.mfaDevices === null ? null : facts.mfaDevices.some((d) => d.user_id === user.id),
    loginProtection: loginProtection(user.id, facts.loginProtects),
    isDomainOwner: detail.is_domain_owner ?? false,
  }
}

/**
 * Collects `iam.user` (GET /v3/users, then GET /v3.0/OS-USER/users/{id} per user, and
 * GET /v3.0/OS-MFA/virtual-mfa-devices and /v3.0/OS-USER/login-protects once). A user whose
 * details fail is left out (a null `lastLoginAt` would read as "never logged in"); each failed
 * call is an issue, so the type shows as incomplete.
 */
export const iamUserCollector = defineCollector({
  type: 'iam.user',
  service: 'iam',
  services: ['identity', 'iam'],
  global: true,
  async collect(ctx): Promise<CollectorOutput<'iam.user'>> {
    const iam = await ctx.client('iam')
    const users = await keystoneUsers(ctx)
    const [details, mfa, lp] = await Promise.all([
      mapSettled(users, FAN_OUT, (u) => showUser(iam, u.id, ctx.signal), ctx.signal),
      settle(listVirtualMfaDevices(iam, {}, ctx.signal), ctx.signal),
      settle(listLoginProtects(iam, {}, ctx.signal), ctx.signal),
    ])
    const facts: IamSecurityFacts = {
      mfaDevices: mfa.ok ? mfa.value : null,
      loginProtects: lp.ok ? lp.value : null,
    }
    const resources = users.flatMap((user, i) => {
      const d = details[i]!
      return d.ok ? [toIamUser({ user, detail: d.value }, facts)] : []
    })
    const issues = [
      fanOutIssue(ctx.issue, failures(details), users.length, 'user details (ShowUser)'),
      fanOutIssue(ctx.issue, failures([mfa]), 1, 'virtual MFA devices (mfa unknown)'),
      fanOutIssue(ctx.issue, failures([lp]), 1, 'login protection (loginProtection unknown)'),
    ].filter((x) => x !== undefined)
    return { resources, issues }
  },
})
