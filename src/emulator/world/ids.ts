/**
 * Deterministic identifiers: the same world file always yields the same ids, so tests, golden
 * reports and a re-started emulator agree. Ids are hashes of a kind and a key (usually the
 * project and the resource name), formatted the way each API formats its ids.
 * @module
 */
import { createHash } from 'node:crypto'

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex')
}

/** 32-bit integer mix (murmur3's finaliser): spreads consecutive numbers over all bits. */
function mix32(x: number): number {
  let h = x >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * The id of the `n`th request an emulator answers: 32 hex digits, deterministic, different for
 * every `n`, and cheap (no hash object per request: it was the emulator's cost per request in
 * the benchmark, docs/benchmark.md).
 */
export function requestIdFor(n: number): string {
  let out = ''
  for (let i = 0; i < 4; i++)
    out += mix32(n * 4 + i + 0x9e3779b9)
      .toString(16)
      .padStart(8, '0')
  return out
}

/** A UUID-shaped id (`8-4-4-4-12` hex, version nibble 5, RFC 4122 variant). */
export function uuidFor(kind: string, ...key: string[]): string {
  const h = digest([kind, ...key])
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const remembered = new Map<string, string>()
/** Entries {@link uuidForCached} keeps before it starts afresh. */
const REMEMBERED_MAX = 100_000

/**
 * {@link uuidFor}, remembered: for the ids the emulator derives while it serves (a volume's
 * attachment id on every page of volumes), not only when it loads a world. An id is a function
 * of its key alone, so a remembered one can never be stale.
 */
export function uuidForCached(kind: string, ...key: string[]): string {
  const k = [kind, ...key].join('\u0000')
  let id = remembered.get(k)
  if (id === undefined) {
    if (remembered.size >= REMEMBERED_MAX) remembered.clear()
    id = uuidFor(kind, ...key)
    remembered.set(k, id)
  }
  return id
}

/** A 32-hex id without dashes (Keystone projects, users, domains, groups). */
export function hexFor(kind: string, ...key: string[]): string {
  return digest([kind, ...key]).slice(0, 32)
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `length` characters from `alphabet`, derived from the key. */
export function charsFor(alphabet: string, length: number, kind: string, ...key: string[]): string {
  let out = ''
  for (let round = 0; out.length < length; round++) {
    const h = createHash('sha256')
      .update([kind, ...key, String(round)].join('\u0000'))
      .digest()
    for (const byte of h) {
      if (out.length === length) break
      out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** An OTC-style permanent access key id (20 upper-case letters and digits). */
export const accessKeyFor = (...key: string[]) => charsFor(UPPER, 20, 'ak', ...key)
/** A secret access key (40 characters). */
export const secretKeyFor = (...key: string[]) => charsFor(MIXED, 40, 'sk', ...key)
/** Mixed-case letters and digits, e.g. the tail of a Cloud Eye alarm id. */
export const mixedFor = (length: number, ...key: string[]) =>
  charsFor(MIXED, length, 'mixed', ...key)

/** A MAC address in OpenStack's `fa:16:3e` range. */
export function macFor(...key: string[]): string {
  const h = digest(['mac', ...key])
  return `fa:16:3e:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`
}
