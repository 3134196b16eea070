import { defineCheck, fail, label, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'evs-volume-backup-recent',
  title: 'Volumes have a Cinder backup within the recovery point objective (clouds without CBR)',
  duty: 'backup-restore',
  service: 'evs',
  resourceType: 'evs.volume',
  severity: 'medium',
  rationale:
    'On OpenStack clouds without a managed backup service, a volume is only recoverable from Cinder backups the customer schedules; without a recent one its data is at risk.',
  remediation: {
    text: 'Schedule Cinder backups of the volume (for example a daily job running `openstack volume backup create`) and watch that they succeed.',
    cli: 'openstack volume backup create --incremental --force <volume>',
  },
  references: ['C5:OPS-06', 'C5:OPS-07', 'CCM:BCR-08'],
  requires: ['evs.backup'],
  evaluate(vol, ctx) {
    const cbr = ctx.inventory.status('cbr.vault')
    if (cbr === 'complete' || cbr === 'incomplete')
      return notApplicable(
        'this cloud offers CBR; volume backups are judged by cbr-volume-protected',
      )
    const rpo = ctx.settings.rpoHours
    const newest = ctx.inventory
      .evsBackupsOf(vol.id)
      .find((b) => b.status === 'available' && b.createdAt)
    if (!newest)
      return fail(`${label(vol)} has no available backup`, { newestBackupAt: null, rpoHours: rpo })
    const hours = Math.floor((ctx.now.getTime() - Date.parse(newest.createdAt!)) / 3_600_000)
    const evidence = {
      backupId: newest.id,
      newestBackupAt: newest.createdAt,
      ageHours: hours,
      rpoHours: rpo,
    }
    if (hours > rpo)
      return fail(
        `${label(vol)}: newest available backup is ${hours} hours old (RPO ${rpo} h)`,
        evidence,
      )
    return pass(`${label(vol)}: newest available backup is ${hours} hours old`, evidence)
  },
})
