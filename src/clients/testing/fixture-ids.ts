/**
 * Deterministic ids and override merging for fixture builders: the same seed always gives the
 * same id, so emulator worlds and golden outputs stay stable.
 * @module
 */

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** `length` lowercase hex characters derived from `seed`. */
export function fakeHex(seed: string, length = 32): string {
  let out = ''
  for (let round = 0; out.length < length; round++)
    out += fnv1a(`${round}:${seed}`).toString(16).padStart(8, '0')
  return out.slice(0, length)
}

/**
 * A UUID-shaped id derived from `seed`.
 * @example fakeUuid('server:web-1') // always the same 8-4-4-4-12 id
 */
export function fakeUuid(seed: string): string {
  const h = fakeHex(seed, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** A deep copy of `base` with `overrides` laid over it (shallow: nested objects are replaced). */
export function withOverrides<T extends object>(base: T, overrides: Partial<T> = {}): T {
  return { ...structuredClone(base), ...overrides }
}

/** Options of {@link makeBuilder}. */
export interface BuilderOptions<T> {
  /** Seed prefix, e.g. `server`. */
  kind: string
  /** The id field (default `id`). */
  idKey?: keyof T
  /** The field whose override derives a new id (default `name`). */
  nameKey?: keyof T
  /** Turns a seed into an id (default {@link fakeUuid}). */
  makeId?: (seed: string) => string
}

/**
 * A fixture builder over a valid base item: overrides are laid over a copy, and overriding the
 * name (but not the id) derives a stable new id, so `b({ name: 'a' })` and `b({ name: 'b' })`
 * never collide.
 */
export function makeBuilder<T extends object>(
  base: T,
  opts: BuilderOptions<T>,
): (overrides?: Partial<T>) => T {
  const idKey = opts.idKey ?? ('id' as keyof T)
  const nameKey = opts.nameKey ?? ('name' as keyof T)
  const makeId = opts.makeId ?? fakeUuid
  return (overrides = {}) => {
    const out = withOverrides(base, overrides)
    if (overrides[idKey] === undefined && overrides[nameKey] !== undefined)
      out[idKey] = makeId(`${opts.kind}:${String(overrides[nameKey])}`) as T[keyof T]
    return out
  }
}
