import { defineCheck, fail, label, pass } from '../define.ts'
import { protecting, vaultCover } from './_protection.ts'

export default defineCheck({
  id: 'cbr-volume-protected',
  title: 'Volumes are backed up by CBR, directly or with the server they are attached to',
  duty: 'backup-restore',
  service: 'cbr',
  resourceType: 'evs.volume',
  severity: 'medium',
  rationale:
    'Data on a volume outside every backup vault is lost with the volume; a server backup covers its attached disks, a detached disk needs a disk vault.',
  remediation: {
    text: 'Console: CBR > Cloud Disk Backups > the vault > Associate Disk (with a policy applied), or back up the server it is attached to.',
    cli: 'POST /v3/{project_id}/vaults/{vault_id}/addresources {"resources":[{"id":"<volume>","type":"OS::Cinder::Volume"}]}',
  },
  references: ['C5:OPS-06', 'CCM:BCR-08'],
  requires: ['cbr.vault', 'cbr.policy', 'ecs.server'],
  evaluate(vol, ctx) {
    const inv = ctx.inventory
    const direct = protecting(vaultCover(vol.cbrVaultIds, 'disk', inv))
    if (direct.length > 0)
      return pass(`${label(vol)} is backed up by disk vault ${direct.join(', ')}`)
    for (const serverId of vol.attachments) {
      const srv = inv.byId('ecs.server', serverId)
      const vaults = srv ? protecting(vaultCover(srv.cbrVaultIds, 'server', inv)) : []
      if (vaults.length > 0)
        return pass(
          `${label(vol)} is backed up with server ${serverId} by vault ${vaults.join(', ')}`,
        )
    }
    return fail(
      `${label(vol)} is in no backup vault with an enabled policy, nor attached to a protected server`,
      {
        vaultIds: vol.cbrVaultIds,
        attachments: vol.attachments,
      },
    )
  },
})
