/**
 * Stable identity of a finding across scans: the same check on the same resource in the same
 * scope always gets the same fingerprint, whatever its status, message or the time of the scan.
 * Stored history, `sphere diff`, SARIF's `partialFingerprints` and OCSF's `finding_info.uid`
 * depend on it, so its definition is versioned and pinned by a test of known values.
 *
 * Definition (`sphere-fp-2`): the fields cloud (clouds.yaml entry name), region, project id,
 * check id, resource type and resource id, joined by U+0000; hashed over their UTF-16 code units
 * by a two-lane multiply-xorshift hash (the cyrb53 scheme: lanes multiplied by 2654435761 and
 * 1597334677 per code unit, then mixed with 2246822507 and 3266489909) twice, with seeds 0 and
 * 0x9e3779b9; each run gives 53 bits, written as 14 lower-case hex digits; the fingerprint is
 * the two runs joined (28 hex digits, 106 bits). Renaming a clouds.yaml entry changes the
 * fingerprints of its findings. It is an identity, not a secret: no cryptographic strength is
 * needed, and a fingerprint costs a fraction of a sha256.
 * @module
 */
import type { ScopeRef } from '../inventory/scope.ts'

/** The version of the definition above. */
export const FINGERPRINT_VERSION = 'sphere-fp-2'

/** 53 bits of `s` under `seed`, as 14 hex digits. */
function hash53(s: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return n.toString(16).padStart(14, '0')
}

/**
 * The fingerprint of a check on a resource in a scope.
 * @example
 * findingFingerprint(scope, 'evs-volume-encrypted', 'evs.volume', 'vol-1') // 28 hex digits
 */
export function findingFingerprint(
  scope: Pick<ScopeRef, 'cloud' | 'region' | 'projectId'>,
  checkId: string,
  resourceType: string,
  resourceId: string,
): string {
  const s = `${scope.cloud}\u0000${scope.region}\u0000${scope.projectId}\u0000${checkId}\u0000${resourceType}\u0000${resourceId}`
  return hash53(s, 0) + hash53(s, 0x9e3779b9)
}
