import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'rds-instance-encrypted',
  title: 'RDS instances encrypt their disks with a KMS key',
  duty: 'data-protection',
  service: 'rds',
  resourceType: 'rds.instance',
  severity: 'medium',
  rationale:
    'RDS runs the database, but whether its storage and backups are encrypted with a key the customer controls is chosen at creation; without it, data on disks and in backups is readable to whoever gets the media or a copy.',
  remediation: {
    text: 'Disk encryption can be chosen only when an instance is created. Console: RDS > Buy DB Instance > Disk Encryption with a KMS key; then restore a backup (or migrate with DRS) into it and delete the old instance.',
    cli: 'POST /v3/{project_id}/instances {"disk_encryption_id":"<kms-key-id>", …}',
    terraform:
      'resource "opentelekomcloud_rds_instance_v3" "db" {\n  volume {\n    disk_encryption_id = "<kms-key-id>"\n  }\n}',
  },
  references: ['C5:CRY-03', 'CCM:CEK-03'],
  requires: [],
  evaluate(db) {
    if (db.encrypted === true) return pass(`${label(db)} is encrypted`, { kmsKeyId: db.kmsKeyId })
    if (db.encrypted === false)
      return fail(`${label(db)} stores its data unencrypted`, {
        diskEncryptionId: null,
        engine: db.engine,
      })
    return manual(`${label(db)}: the API did not report disk encryption`)
  },
})
