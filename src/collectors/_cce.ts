/**
 * What the CCE collectors share: the project's clusters, listed once per run.
 * @module
 */
import { listClusters } from '../clients/cce/clusters.ts'
import type { ClusterWire } from '../clients/cce/schemas.ts'
import type { CollectContext } from './_collector.ts'

/** A non-empty trimmed string, else null (CCE sends empty strings and nulls alike). */
export const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null

/** The clusters of the project, listed once per run for both CCE collectors. */
export async function sharedClusters(ctx: CollectContext): Promise<ClusterWire[]> {
  const cce = await ctx.client('cce')
  return ctx.shared('cce.clusters', () => listClusters(cce, ctx.signal))
}
