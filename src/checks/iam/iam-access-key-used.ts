import { ageDays, defineCheck, fail, label, manual, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'iam-access-key-used',
  title: 'Active access keys have been used recently',
  duty: 'authorization',
  service: 'iam',
  resourceType: 'iam.access-key',
  severity: 'low',
  rationale:
    'A key nobody uses is a credential nobody watches; if it leaks, its use goes unnoticed.',
  remediation: {
    text: 'Console: IAM > Users > the user > Security Settings > Access Keys: deactivate the unused key, and delete it once nothing breaks.',
    cli: 'PUT /v3.0/OS-CREDENTIAL/credentials/<access-key> {"credential":{"status":"inactive"}}',
  },
  references: ['C5:IDM-03', 'CCM:IAM-07'],
  requires: [],
  evaluate(key, ctx) {
    if (key.status !== 'active') return notApplicable(`${label(key)} is ${key.status}`)
    const idle = ageDays(key.lastUsedAt, ctx.now)
    const max = ctx.settings.accessKeyUnusedDays
    if (idle === null) return manual(`${label(key)}: last use not reported`)
    const evidence = {
      userId: key.userId,
      lastUsedAt: key.lastUsedAt,
      idleDays: idle,
      maxIdleDays: max,
    }
    if (idle > max)
      return fail(
        `${label(key)} of user ${key.userId} has not been used for ${idle} days`,
        evidence,
      )
    return pass(`${label(key)} was used ${idle} days ago`, evidence)
  },
})
