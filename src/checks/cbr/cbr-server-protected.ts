import { defineCheck, fail, label, pass } from '../define.ts'
import { protecting, vaultCover } from './_protection.ts'

export default defineCheck({
  id: 'cbr-server-protected',
  title: 'Servers are in a CBR server-backup vault with an enabled backup policy',
  duty: 'backup-restore',
  service: 'cbr',
  resourceType: 'ecs.server',
  severity: 'high',
  rationale:
    'CBR backs up only what the customer puts into a vault with a policy; a server outside one has no backup to restore after a failure, a mistake or ransomware.',
  remediation: {
    text: 'Console: CBR > Cloud Server Backups > the vault > Associate Server; then Policies > Apply to vault, or create a vault with a policy in the Buy Server Backup Vault dialog.',
    cli: 'POST /v3/{project_id}/vaults/{vault_id}/addresources {"resources":[{"id":"<server>","type":"OS::Nova::Server"}]}\nPOST /v3/{project_id}/vaults/{vault_id}/associatepolicy {"policy_id":"<policy>"}',
    terraform:
      'resource "opentelekomcloud_cbr_vault_v3" "servers" {\n  resource { server_id = "<server>" }\n  backup_policy_id = "<policy>"\n}',
  },
  references: ['C5:OPS-06', 'CCM:BCR-08'],
  requires: ['cbr.vault', 'cbr.policy'],
  evaluate(server, ctx) {
    const cover = vaultCover(server.cbrVaultIds, 'server', ctx.inventory)
    const vaults = protecting(cover)
    if (vaults.length > 0)
      return pass(`${label(server)} is backed up by vault ${vaults.join(', ')}`)
    if (cover.length > 0)
      return fail(
        `${label(server)} is in vault ${cover.map((c) => c.vault.id).join(', ')}, which has no enabled backup policy`,
        {
          vaultIds: cover.map((c) => c.vault.id),
          enabledPolicyIds: [],
        },
      )
    return fail(`${label(server)} is in no server-backup vault`, { vaultIds: [] })
  },
})
