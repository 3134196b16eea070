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
  readonly vault: CbrVault
  readonly policyIds: readonly string[]
}

const NONE: readonly VaultCover[] = Object.freeze([])

/** Each vault's enabled backup policies, per inventory (view): the servers of a vault share them. */
const ENABLED = new WeakMap<CbrVault, { inv: InventoryView; policyIds: readonly string[] }>()

/** Ids of `vault`'s policies that are enabled and back up (frozen, shared). */
export function enabledBackupPolicies(vault: CbrVault, inv: InventoryView): readonly string[] {
  const m = ENABLED.get(vault)
  if (m !== undefined && m.inv === inv) return m.policyIds
  const policyIds = Object.freeze(
    vault.policyIds.filter((p) => {
      const policy = inv.byId('cbr.policy', p)
      return policy?.enabled === true && policy.operationType === 'backup'
    }),
  )
  ENABLED.set(vault, { inv, policyIds })
  return policyIds
}

/** Vaults among `vaultIds` of kind `kind`, each with its enabled backup policies. */
export function vaultCover(
  vaultIds: readonly string[],
  kind: string,
  inv: InventoryView,
): readonly VaultCover[] {
  if (vaultIds.length === 0) return NONE
  const out: VaultCover[] = []
  for (const id of vaultIds) {
    const vault = inv.byId('cbr.vault', id)
    if (vault && vault.resourceType === kind)
      out.push({ vault, policyIds: enabledBackupPolicies(vault, inv) })
  }
  return out
}

/** Ids of the vaults that protect (have an enabled policy), from a cover list. */
export function protecting(cover: readonly VaultCover[]): string[] {
  const ids: string[] = []
  for (const c of cover) if (c.policyIds.length > 0) ids.push(c.vault.id)
  return ids
}
