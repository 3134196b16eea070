/**
 * Nova SSH key pairs (id = name, as Nova identifies them).
 * @module
 */
import { readKeypairs } from '../clients/compute/keypairs.ts'
import type { KeypairWire } from '../clients/compute/schemas.ts'
import type { NovaKeypair } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { text } from './_map.ts'

/** Maps a listed key pair; `type` is only sent with microversion >= 2.2, else null. */
export function toNovaKeypair(w: KeypairWire, ctx: MapContext): NovaKeypair {
  return {
    type: 'nova.keypair',
    id: w.name,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    fingerprint: text(w.fingerprint),
    keyType: text(w.type),
  }
}

/** Collects `nova.keypair` (GET /v2.1/{project_id}/os-keypairs, else /v2/...). */
export const novaKeypairCollector = defineCollector({
  type: 'nova.keypair',
  service: 'compute',
  services: ['compute'],
  async collect(ctx) {
    const read = await readKeypairs(await ctx.client('compute'), {}, ctx.signal)
    return { resources: read.value.map((w) => toNovaKeypair(w, ctx)), apiVersion: read.version }
  },
})
