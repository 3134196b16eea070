/**
 * The account's password policy (one resource, id = domain id).
 * @module
 */
import type { PasswordPolicyWire } from '../clients/iam/schemas.ts'
import { showPasswordPolicy } from '../clients/iam/security-policies.ts'
import { GLOBAL_REGION, type IamPasswordPolicy } from '../inventory/types.ts'
import { defineCollector } from './_collector.ts'

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4 }

/**
 * The number of character types a password must mix, read from `password_requirements`
 * ("… at least two of the following: uppercase letters, …"); null when the text says nothing
 * we recognise. (OTC's schema has no `password_char_combination` field.)
 */
export function charTypes(requirements: string | undefined): number | null {
  const m = /at least (\w+) (?:of the following|(?:character )?types)/i.exec(requirements ?? '')
  if (!m) return null
  const n = WORDS[m[1]!.toLowerCase()] ?? Number(m[1])
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : null
}

/** Maps the policy; a validity period of 0 (never expires) becomes null. */
export function toIamPasswordPolicy(w: PasswordPolicyWire, domainId: string): IamPasswordPolicy {
  return {
    type: 'iam.password-policy',
    id: domainId,
    name: 'password-policy',
    region: GLOBAL_REGION,
    minimumLength: w.minimum_password_length,
    charTypes: charTypes(w.password_requirements),
    validityDays: w.password_validity_period > 0 ? w.password_validity_period : null,
    recentPasswordsDisallowed: w.number_of_recent_passwords_disallowed,
  }
}

/** Collects `iam.password-policy` (GET /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/password-policy). */
export const iamPasswordPolicyCollector = defineCollector({
  type: 'iam.password-policy',
  service: 'iam',
  services: ['iam'],
  global: true,
  async collect(ctx) {
    const iam = await ctx.client('iam')
    const policy = await showPasswordPolicy(iam, ctx.signal)
    return { resources: [toIamPasswordPolicy(policy, iam.domainId)] }
  },
})
