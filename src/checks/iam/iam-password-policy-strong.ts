import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'iam-password-policy-strong',
  title: 'The account password policy requires long passwords mixing character types',
  duty: 'authorization',
  service: 'iam',
  resourceType: 'iam.password-policy',
  severity: 'medium',
  rationale:
    'Short or single-class passwords fall to guessing and offline cracking; the policy is the only control over what every IAM user may choose.',
  remediation: {
    text: 'Console: IAM > Security Settings > Password Policy: set the minimum length to at least 12 and require at least three character types.',
    cli: 'PUT /v3.0/OS-SECURITYPOLICY/domains/{domain_id}/password-policy {"password_policy":{"minimum_password_length":12}}',
  },
  references: ['C5:IDM-09', 'CCM:IAM-02'],
  requires: [],
  evaluate(policy, ctx) {
    const { passwordMinLength: minLen, passwordMinCharTypes: minTypes } = ctx.settings
    const weak: string[] = []
    if (policy.minimumLength < minLen)
      weak.push(`minimum length ${policy.minimumLength} < ${minLen}`)
    if (policy.charTypes !== null && policy.charTypes < minTypes)
      weak.push(`${policy.charTypes} character types < ${minTypes}`)
    const evidence = { minimumLength: policy.minimumLength, charTypes: policy.charTypes }
    if (weak.length > 0) return fail(`${label(policy)} is weak: ${weak.join(', ')}`, evidence)
    if (policy.charTypes === null)
      return manual(
        `${label(policy)}: length is fine; the character-type rule is not readable`,
        evidence,
      )
    return pass(
      `${label(policy)} requires ${policy.minimumLength} characters of ${policy.charTypes} types`,
      evidence,
    )
  },
})
