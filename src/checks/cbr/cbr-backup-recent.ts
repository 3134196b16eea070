import { defineCheck, fail, label, notApplicable, pass } from '../define.ts'
import { protecting, vaultCover } from './_protection.ts'

export default defineCheck({
  id: 'cbr-backup-recent',
  title: 'Protected servers have a successful backup within the recovery point objective',
  duty: 'backup-restore',
  service: 'cbr',
  resourceType: 'ecs.server',
  severity: 'high',
  rationale:
    'A policy that exists but whose runs fail (or that runs too rarely) gives a false sense of safety; only a recent available backup can be restored.',
  remediation: {
    text: 'Console: CBR > Cloud Server Backups > the vault > Backups: look at failed tasks (Tasks tab), fix their cause (vault capacity, frozen vault, agent), make a backup now and check the policy runs at least daily.',
    cli: 'POST /v3/{project_id}/checkpoints {"checkpoint":{"parameters":{"resources":["<server>"]},"vault_id":"<vault>"}}',
  },
  references: ['C5:OPS-07', 'CCM:BCR-08'],
  requires: ['cbr.vault', 'cbr.policy', 'cbr.backup'],
  evaluate(server, ctx) {
    const name = label(server)
    if (protecting(vaultCover(server.cbrVaultIds, 'server', ctx.inventory)).length === 0)
      return notApplicable(`${name} is not protected by CBR (see cbr-server-protected)`)
    const rpo = ctx.settings.rpoHours
    const newest = ctx.inventory
      .cbrBackupsOf(server.id)
      .find((b) => b.status === 'available' && b.createdAt)
    if (!newest)
      return fail(`${name} has no available backup`, { newestBackupAt: null, rpoHours: rpo })
    const hours = (ctx.now.getTime() - Date.parse(newest.createdAt!)) / 3_600_000
    const evidence = {
      backupId: newest.id,
      newestBackupAt: newest.createdAt,
      ageHours: Math.floor(hours),
      rpoHours: rpo,
    }
    if (hours > rpo)
      return fail(
        `${name}: newest available backup is ${Math.floor(hours)} hours old (RPO ${rpo} h)`,
        evidence,
      )
    return pass(`${name}: newest available backup is ${Math.floor(hours)} hours old`, evidence)
  },
})
