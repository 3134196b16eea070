import { defineCheck, error, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'obs-bucket-logging',
  title: 'OBS buckets log access',
  duty: 'monitoring',
  service: 'obs',
  resourceType: 'obs.bucket',
  severity: 'low',
  rationale:
    'CTS records management operations on buckets, not who read or wrote which object; without access logging a leak or a tampered object cannot be traced afterwards.',
  remediation: {
    text: 'Console: OBS > the bucket > Overview > Logging > Configure: a target bucket (not the bucket itself), a prefix, and an agency that lets OBS write the logs.',
    cli: 'PUT /?logging <BucketLoggingStatus><Agency>{agency}</Agency><LoggingEnabled><TargetBucket>{log bucket}</TargetBucket><TargetPrefix>{bucket}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>',
    terraform:
      'resource "opentelekomcloud_obs_bucket" "data" {\n  logging {\n    target_bucket = "<log-bucket>"\n    target_prefix = "data/"\n  }\n}',
  },
  references: ['C5:OPS-10', 'CCM:LOG-08'],
  requires: [],
  evaluate(b) {
    if (b.logging === null) return error(`${label(b)}: its logging configuration could not be read`)
    if (b.logging === false) return fail(`${label(b)} does not log access`, { logging: false })
    return pass(`${label(b)} logs access to ${b.logging.targetBucket}`, {
      targetBucket: b.logging.targetBucket,
      targetPrefix: b.logging.targetPrefix,
    })
  },
})
