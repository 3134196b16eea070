import { defineCheck, error, fail, label, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'kms-key-rotation-enabled',
  title: 'KMS customer master keys rotate their key material',
  duty: 'data-protection',
  service: 'kms',
  resourceType: 'kms.key',
  severity: 'medium',
  rationale:
    'KMS runs the key store, but rotation of a customer master key is off unless the customer turns it on; without it one key version protects data for years, and a leaked or weak version stays usable for everything encrypted since.',
  remediation: {
    text: 'Console: Data Encryption Workshop > Key Management Service > the key > Key Rotation: enable it with an interval (default 365 days). Default Master Keys and imported keys cannot rotate: use a KMS-made key for data that needs rotation.',
    cli: 'POST /v1.0/{project_id}/kms/enable-key-rotation {"key_id":"<key id>"}',
    terraform:
      'resource "opentelekomcloud_kms_key_v1" "data" {\n  key_alias          = "app-data"\n  rotation_enabled   = true\n  rotation_interval  = 365\n}',
  },
  references: ['C5:CRY-04', 'CCM:CEK-12'],
  requires: [],
  evaluate(k) {
    if (!k.rotatable)
      return notApplicable(
        k.isDefault
          ? `${label(k)} is a Default Master Key, which KMS does not rotate`
          : `${label(k)} cannot rotate (${k.state}, ${k.origin ?? 'unknown origin'}, ${k.keySpec ?? 'unknown spec'})`,
      )
    if (k.rotationEnabled === null)
      return error(`${label(k)}: its rotation status could not be read`)
    if (!k.rotationEnabled)
      return fail(`${label(k)} does not rotate`, { rotationEnabled: false, alias: k.alias })
    return pass(`${label(k)} rotates every ${k.rotationIntervalDays ?? '?'} days`, {
      rotationIntervalDays: k.rotationIntervalDays,
    })
  },
})
