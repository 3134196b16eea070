import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'evs-volume-encrypted',
  title: 'EVS volumes are encrypted',
  duty: 'data-protection',
  service: 'evs',
  resourceType: 'evs.volume',
  severity: 'medium',
  rationale:
    'Encryption with a KMS key keeps data on disks, snapshots and backups unreadable without the key, and lets the customer revoke access by disabling it.',
  remediation: {
    text: 'Encryption cannot be turned on for an existing volume. Console: EVS > Buy Disk > Encryption with a KMS key; copy the data over (or restore a backup into it) and delete the old volume.',
    cli: 'openstack volume create --size <gb> --property __system__encrypted=1 --property __system__cmkid=<kms-key-id> <name>',
    terraform: 'resource "opentelekomcloud_evs_volume_v3" "data" {\n  kms_id = "<kms-key-id>"\n}',
  },
  references: ['C5:CRY-03', 'CCM:CEK-03'],
  requires: [],
  evaluate(vol) {
    if (vol.encrypted === true)
      return pass(`${label(vol)} is encrypted`, { kmsKeyId: vol.kmsKeyId })
    if (vol.encrypted === false)
      return fail(`${label(vol)} is not encrypted`, { encrypted: false, kmsKeyId: null })
    return manual(`${label(vol)}: the cloud does not report whether it is encrypted`)
  },
})
