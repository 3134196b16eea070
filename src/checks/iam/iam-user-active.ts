import { ageDays, defineCheck, fail, label, manual, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'iam-user-active',
  title: 'Enabled IAM users have signed in or used a key recently',
  duty: 'authorization',
  service: 'iam',
  resourceType: 'iam.user',
  severity: 'low',
  rationale:
    'Accounts of people who left or changed roles keep their permissions until someone disables them; an idle account is the usual sign.',
  remediation: {
    text: 'Console: IAM > Users: disable (or delete) users who no longer need access; for programmatic users, delete their unused keys.',
    cli: 'PUT /v3.0/OS-USER/users/{user_id} {"user":{"enabled":false}}',
  },
  references: ['C5:IDM-03', 'CCM:IAM-07'],
  requires: ['iam.access-key'],
  evaluate(user, ctx) {
    const name = label(user)
    if (!user.enabled) return notApplicable(`${name} is disabled`)
    const keyUses = ctx.inventory
      .accessKeysOf(user.id)
      .flatMap((k) => (k.lastUsedAt ? [k.lastUsedAt] : []))
    const last =
      [user.lastLoginAt, ...keyUses]
        .filter((t): t is string => t !== null)
        .sort()
        .at(-1) ?? null
    const max = ctx.settings.userInactiveDays
    const idle = ageDays(last, ctx.now)
    const age = ageDays(user.createdAt, ctx.now)
    const evidence = {
      lastLoginAt: user.lastLoginAt,
      lastActivityAt: last,
      createdAt: user.createdAt,
      maxIdleDays: max,
    }
    if (idle !== null && idle <= max) return pass(`${name} was active ${idle} days ago`, evidence)
    if (idle !== null) return fail(`${name} has been inactive for ${idle} days`, evidence)
    if (age === null)
      return manual(`${name} never signed in and its creation time is not reported`, evidence)
    if (age <= max)
      return pass(`${name} was created ${age} days ago and has not signed in yet`, evidence)
    return fail(
      `${name} has never signed in or used a key since its creation ${age} days ago`,
      evidence,
    )
  },
})
