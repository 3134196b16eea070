import { defineCheck, error, fail, label, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'iam-user-mfa-enabled',
  title: 'IAM users with console access sign in with a second factor',
  duty: 'authorization',
  service: 'iam',
  resourceType: 'iam.user',
  severity: 'high',
  rationale:
    'A password alone is phished, guessed or reused; a virtual MFA device or login protection stops a stolen password from opening the console.',
  remediation: {
    text: 'Console: IAM > Users > the user > Security Settings: bind a virtual MFA device, or enable Login Protection with the virtual MFA method.',
    cli: 'PUT /v3.0/OS-USER/users/{user_id}/login-protect {"login_protect":{"enabled":true,"verification_method":"vmfa"}}',
  },
  references: ['C5:IDM-09', 'CCM:IAM-14'],
  requires: [],
  evaluate(user) {
    const name = label(user)
    if (!user.enabled) return notApplicable(`${name} is disabled`)
    if (user.consoleAccess === false) return notApplicable(`${name} has programmatic access only`)
    if (user.mfa === true || user.loginProtection === true)
      return pass(`${name} signs in with ${user.mfa ? 'a virtual MFA device' : 'login protection'}`)
    if (user.mfa === null || user.loginProtection === null)
      return error(`${name}: the MFA or login-protection state could not be read`)
    const assumed = user.consoleAccess === null ? ' (console access assumed: not reported)' : ''
    return fail(`${name} can sign in to the console with a password only${assumed}`, {
      mfa: false,
      loginProtection: false,
      consoleAccess: user.consoleAccess,
    })
  },
})
