import { defineCheck, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'dcs-instance-password-required',
  title: 'DCS instances require a password',
  duty: 'authorization',
  service: 'dcs',
  resourceType: 'dcs.instance',
  severity: 'high',
  rationale:
    'A password-free Redis lets every host that can reach it read, change and flush the cache, and often run commands that reach further; it is the most common way managed caches are breached.',
  remediation: {
    text: 'Console: DCS > the instance > More > Reset Password (turns password-free access off); then give the applications the password.',
    cli: 'PUT /v2/{project_id}/instances/{instance_id}/password {"no_password_access": false, "new_password": "<password>"}',
    terraform:
      'resource "opentelekomcloud_dcs_instance_v2" "cache" {\n  password = var.redis_password\n}',
  },
  references: ['C5:PSS-05', 'CCM:IAM-14'],
  requires: [],
  evaluate(d) {
    if (d.passwordFree)
      return fail(`${label(d)} accepts connections without a password`, {
        noPasswordAccess: true,
        engine: `${d.engine} ${d.engineVersion}`,
      })
    return pass(`${label(d)} requires a password`)
  },
})
