import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'rds-backup-retention',
  title: 'RDS instances keep automated backups long enough',
  duty: 'backup-restore',
  service: 'rds',
  resourceType: 'rds.instance',
  severity: 'medium',
  rationale:
    "RDS runs the backups, but how long they are kept is the customer's setting; a few days are not enough to notice corruption or a mistaken delete and restore before it.",
  remediation: {
    text: 'Console: RDS > the instance > Backups & Restorations > Modify Backup Policy; set the retention to at least 7 days.',
    cli: 'PUT /v3/{project_id}/instances/{id}/backups/policy {"backup_policy":{"keep_days":7,"start_time":"19:00-20:00","period":"1,2,3,4,5,6,7"}}',
    terraform: 'backup_strategy {\n  start_time = "19:00-20:00"\n  keep_days  = 7\n}',
  },
  references: ['C5:OPS-06', 'CCM:BCR-08'],
  requires: [],
  evaluate(db, ctx) {
    const min = ctx.settings.rdsBackupMinKeepDays
    const keep = db.backupKeepDays
    if (keep === null) return manual(`${label(db)}: the API did not report the backup retention`)
    if (keep === 0)
      return fail(`${label(db)} has automated backups turned off`, { keepDays: 0, minimum: min })
    if (keep < min)
      return fail(`${label(db)} keeps backups ${keep} days (minimum ${min})`, {
        keepDays: keep,
        minimum: min,
      })
    return pass(`${label(db)} keeps backups ${keep} days`)
  },
})
