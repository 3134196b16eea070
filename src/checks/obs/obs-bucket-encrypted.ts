import { defineCheck, error, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'obs-bucket-encrypted',
  title: 'OBS buckets encrypt new objects by default',
  duty: 'data-protection',
  service: 'obs',
  resourceType: 'obs.bucket',
  severity: 'medium',
  rationale:
    'Without default server-side encryption every object is stored unencrypted unless each upload asks for it; with SSE-KMS the customer controls the key and can revoke access by disabling it.',
  remediation: {
    text: 'Console: OBS > the bucket > Overview > Server-Side Encryption > Enable, with SSE-KMS and a key of your own (or SSE-OBS). Existing objects stay as they were; copy them onto themselves to encrypt them.',
    cli: 'PUT /?encryption <ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>kms</SSEAlgorithm><KMSMasterKeyID>{key id}</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>',
    terraform:
      'resource "opentelekomcloud_obs_bucket" "data" {\n  server_side_encryption {\n    algorithm  = "kms"\n    kms_key_id = "<kms-key-id>"\n  }\n}',
  },
  references: ['C5:CRY-03', 'CCM:CEK-03'],
  requires: [],
  evaluate(b) {
    const e = b.defaultEncryption
    if (e === null) return error(`${label(b)}: its encryption configuration could not be read`)
    if (e === false)
      return fail(`${label(b)} has no default encryption`, { defaultEncryption: null })
    return pass(
      `${label(b)} encrypts by default (${e.algorithm}${e.kmsKeyId ? `, key ${e.kmsKeyId}` : ''})`,
      { algorithm: e.algorithm, kmsKeyId: e.kmsKeyId },
    )
  },
})
