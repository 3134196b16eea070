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

const SEED_2 = 0x9e3779b9

/** The character code of each hex digit (lower case). */
const HEX_CODES = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0))

/** The 28 digits of the fingerprint being written (see {@link fingerprintWith}). */
const DIGITS = new Array<number>(28).fill(0)

/**
 * The final mix of one run: 53 bits as 14 hex digits written to {@link DIGITS} from `at`, the
 * high 21 bits as 6 digits and the low 32 as 8 (the same digits as `(2^32 × high +
 * low).toString(16).padStart(14, '0')`, which formats a double and cost ~15× as much). Digits,
 * not strings: the fingerprint is then made as one flat string, where joining 2-digit pieces
 * made ~13 short-lived strings per finding (~150 ms of a 227k-finding evaluation, most of it
 * garbage collection).
 */
function finish(h1: number, h2: number, at: number): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const hi = 2097151 & h2
  for (let k = 0; k < 6; k++) DIGITS[at + k] = HEX_CODES[(hi >>> (20 - 4 * k)) & 15]!
  for (let k = 0; k < 8; k++) DIGITS[at + 6 + k] = HEX_CODES[(h1 >>> (28 - 4 * k)) & 15]!
}

/**
 * The hash state after every field but the resource id (and the separator after the type):
 * what the findings of one check on one type in one scope share, so each of them hashes only
 * its resource id.
 */
export interface FingerprintPrefix {
  readonly a1: number
  readonly a2: number
  readonly b1: number
  readonly b2: number
}

/** The {@link FingerprintPrefix} of a check on a resource type in a scope. */
export function fingerprintPrefix(
  scope: Pick<ScopeRef, 'cloud' | 'region' | 'projectId'>,
  checkId: string,
  resourceType: string,
): FingerprintPrefix {
  const fields = [scope.cloud, scope.region, scope.projectId, checkId, resourceType]
  let a1 = 0xdeadbeef
  let a2 = 0x41c6ce57
  let b1 = 0xdeadbeef ^ SEED_2
  let b2 = 0x41c6ce57 ^ SEED_2
  for (let f = 0; f < fields.length; f++) {
    if (f > 0) {
      a1 = Math.imul(a1, 2654435761)
      a2 = Math.imul(a2, 1597334677)
      b1 = Math.imul(b1, 2654435761)
      b2 = Math.imul(b2, 1597334677)
    }
    const s = fields[f]!
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      a1 = Math.imul(a1 ^ c, 2654435761)
      a2 = Math.imul(a2 ^ c, 1597334677)
      b1 = Math.imul(b1 ^ c, 2654435761)
      b2 = Math.imul(b2 ^ c, 1597334677)
    }
  }
  // The separator before the resource id.
  return {
    a1: Math.imul(a1, 2654435761),
    a2: Math.imul(a2, 1597334677),
    b1: Math.imul(b1, 2654435761),
    b2: Math.imul(b2, 1597334677),
  }
}

/** The fingerprint of the resource `resourceId` after its {@link FingerprintPrefix}. */
export function fingerprintWith(prefix: FingerprintPrefix, resourceId: string): string {
  let { a1, a2, b1, b2 } = prefix
  for (let i = 0; i < resourceId.length; i++) {
    const c = resourceId.charCodeAt(i)
    a1 = Math.imul(a1 ^ c, 2654435761)
    a2 = Math.imul(a2 ^ c, 1597334677)
    b1 = Math.imul(b1 ^ c, 2654435761)
    b2 = Math.imul(b2 ^ c, 1597334677)
  }
  finish(a1, a2, 0)
  finish(b1, b2, 14)
  return String.fromCharCode.apply(null, DIGITS)
}

/**
 * The fingerprint of a check on a resource in a scope: the fields hashed in one pass, with
 * U+0000 between them, without building the joined string.
 * @example
 * findingFingerprint(scope, 'evs-volume-encrypted', 'evs.volume', 'vol-1') // 28 hex digits
 */
export function findingFingerprint(
  scope: Pick<ScopeRef, 'cloud' | 'region' | 'projectId'>,
  checkId: string,
  resourceType: string,
  resourceId: string,
): string {
  return fingerprintWith(fingerprintPrefix(scope, checkId, resourceType), resourceId)
}
