/**
 * CBR vaults. The policy of a vault is named on the policy (`associated_vaults`), so
 * `policyIds` stays empty here and the Inventory fills it from the policies.
 * @module
 */
import type { VaultWire } from '../clients/cbr/schemas.ts'
import { listVaults } from '../clients/cbr/vaults.ts'
import { tagField } from '../inventory/tags.ts'
import type { CbrVault } from '../inventory/types.ts'
import { mapSliced } from '../model/time-slice.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { unique } from './_map.ts'

/** Maps a vault: `billing.object_type` and `billing.status`, and the ids of its resources. */
export function toCbrVault(w: VaultWire, ctx: MapContext): CbrVault {
  return {
    type: 'cbr.vault',
    id: w.id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    ...tagField(w.tags),
    resourceType: w.billing.object_type,
    resourceIds: unique(w.resources.map((r) => r.id)),
    policyIds: [],
    status: w.billing.status,
  }
}

/** Collects `cbr.vault` (GET /v3/{project_id}/vaults). */
export const cbrVaultCollector = defineCollector({
  type: 'cbr.vault',
  service: 'cbr',
  services: ['cbr'],
  async collect(ctx) {
    const vaults = await listVaults(await ctx.client('cbr'), {}, ctx.signal)
    return { resources: await mapSliced(vaults, (w) => toCbrVault(w, ctx)) }
  },
})
