/**
 * Which Nova API version compute reads go to first. Nova serves `/v2.1` and, for older clients,
 * the legacy `/v2` (otc-api.md §2.1; a 2019 recording of OTC's catalog points `compute` at
 * `/v2/{pid}`, today's endpoint table at `/v2.1/{pid}`); without a microversion header both
 * answer the bodies we read alike.
 * @module
 */

/** A Nova API version Sphere reads. */
export type ComputeVersion = 'v2.1' | 'v2'

/**
 * The versions in order of preference: v2.1, the current API (v2 is its compatibility mode and
 * may be switched off); v2 as the fallback for a region that answers v2.1 with 404. The catalog
 * cannot tell: both versions are type `compute`.
 */
export const COMPUTE_VERSIONS: readonly ComputeVersion[] = ['v2.1', 'v2']
