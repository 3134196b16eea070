/**
 * Which Cinder API version EVS reads go to first. Both versions have the same bodies for what we
 * read (volumes and backups with details), so the reads differ only in their path.
 * @module
 */
import type { ServiceClient } from '../core/types.ts'

/** A Cinder API version Sphere reads. */
export type VolumeVersion = 'v2' | 'v3'

/** Catalog types that advertise Cinder v2 (OTC: `volumev2` and `evs` point at `/v2/{pid}`). */
const V2_TYPES = ['volumev2', 'evs']

/**
 * The versions in order of preference for this client. v2 first where the catalog advertises
 * it: OTC's EVS reference "strongly recommends" v2 and warns that v3 "will be changed"
 * (otc-api-platform.md §10). Otherwise v3 first: plain OpenStack removed v2 in Xena and its
 * catalog lists only `volumev3`/`block-storage` (otc-api.md §5). The other version stays the
 * fallback for a 404 either way.
 */
export function volumeVersions(client: Pick<ServiceClient, 'catalogTypes'>): VolumeVersion[] {
  return client.catalogTypes?.some((t) => V2_TYPES.includes(t)) ? ['v2', 'v3'] : ['v3', 'v2']
}
