import { ageDays, defineCheck, fail, label, manual, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'iam-access-key-rotated',
  title: 'Active access keys are younger than the rotation period',
  duty: 'authorization',
  service: 'iam',
  resourceType: 'iam.access-key',
  severity: 'medium',
  rationale:
    'Old keys have been copied into more scripts, CI variables and laptops; rotating them limits how long a leaked key stays useful.',
  remediation: {
    text: 'Console: IAM > Users > the user > Security Settings > Access Keys: create a new key, switch its users over, then deactivate and delete the old one.',
    cli: 'POST /v3.0/OS-CREDENTIAL/credentials {"credential":{"user_id":"<user>"}}\nDELETE /v3.0/OS-CREDENTIAL/credentials/<old-access-key>',
  },
  references: ['C5:IDM-08', 'CCM:IAM-15'],
  requires: [],
  evaluate(key, ctx) {
    if (key.status !== 'active') return notApplicable(`${label(key)} is ${key.status}`)
    const age = ageDays(key.createdAt, ctx.now)
    const max = ctx.settings.accessKeyMaxAgeDays
    if (age === null) return manual(`${label(key)}: creation time not reported`)
    const evidence = { userId: key.userId, createdAt: key.createdAt, ageDays: age, maxAgeDays: max }
    if (age > max)
      return fail(`${label(key)} of user ${key.userId} is ${age} days old (max ${max})`, evidence)
    return pass(`${label(key)} is ${age} days old`, evidence)
  },
})
