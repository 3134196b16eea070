/**
 * Stable identity of a finding across scans: the same check on the same resource always gets the
 * same fingerprint, whatever its status, message or the time of the scan. SARIF's
 * `partialFingerprints`, OCSF's `finding_info.uid` and baseline diffs use it.
 * @module
 */
import { createHash } from 'node:crypto'

/**
 * sha256 (hex) of check id, resource type and resource id, joined by a NUL so no two different
 * triples can collide by concatenation.
 * @example
 * findingFingerprint('evs-volume-encrypted', 'evs.volume', 'vol-1') // '3b5d…' (64 hex digits)
 */
export function findingFingerprint(
  checkId: string,
  resourceType: string,
  resourceId: string,
): string {
  return createHash('sha256')
    .update(`${checkId}\u0000${resourceType}\u0000${resourceId}`)
    .digest('hex')
}
