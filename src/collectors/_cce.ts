/**
 * What the CCE collectors share: the project's clusters, listed once per run, and the copies of
 * wire objects kept as `raw` without credentials (a cluster's authenticating-proxy key and
 * certificates, a node's login password).
 * @module
 */
import { listClusters } from '../clients/cce/clusters.ts'
import type { ClusterWire, NodeWire } from '../clients/cce/schemas.ts'
import type { CollectContext } from './_collector.ts'

/** A non-empty trimmed string, else null (CCE sends empty strings and nulls alike). */
export const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null

/** The clusters of the project, listed once per run for both CCE collectors. */
export async function sharedClusters(ctx: CollectContext): Promise<ClusterWire[]> {
  const cce = await ctx.client('cce')
  return ctx.shared('cce.clusters', () => listClusters(cce, ctx.signal))
}

/** A cluster without `spec.authentication.authenticatingProxy` (its CA, certificate and key). */
export function clusterRaw(w: ClusterWire): unknown {
  const auth = w.spec.authentication
  if (!auth || !('authenticatingProxy' in auth)) return w
  const { authenticatingProxy: _secret, ...rest } = auth
  return { ...w, spec: { ...w.spec, authentication: rest } }
}

/** A node whose `spec.login` keeps only the key pair's name (never a password). */
export function nodeRaw(w: NodeWire): unknown {
  const login = w.spec.login
  if (!login) return w
  return { ...w, spec: { ...w.spec, login: { sshKey: login.sshKey ?? null } } }
}
