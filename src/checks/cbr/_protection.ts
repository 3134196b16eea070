/**
 * When CBR protects a resource: it sits in a vault of the right kind (`server` for servers, `disk`
 * for volumes) that has at least one enabled backup policy. A vault without a policy only backs up
 * when someone presses the button.
 * @module
 */
import type { InventoryView } from '../../inventory/inventory.ts'
import type { CbrVault } from '../../inventory/types.ts'

/** A vault and the ids of its enabled backup policies. */
export interface VaultCover {
  vault: CbrVault
  policyIds: string[]
}

/** Vaults among `vaultIds` of kind `kind`, each with its enabled backup policies. */
export function vaultCover(
  vaultIds: readonly string[],
  kind: string,
  inv: InventoryView,
): VaultCover[] {
  return vaultIds.flatMap((id) => {
    const vault = inv.byId('cbr.vault', id)
    if (!vault || vault.resourceType !== kind) return []
    const policyIds = vault.policyIds.filter((p) => {
      const policy = inv.byId('cbr.policy', p)
      return policy?.enabled === true && policy.operationType === 'backup'
    })
    return [{ vault, policyIds }]
  })
}

/** Ids of the vaults that protect (have an enabled policy), from a cover list. */
export function protecting(cover: readonly VaultCover[]): string[] {
  return cover.filter((c) => c.policyIds.length > 0).map((c) => c.vault.id)
}
