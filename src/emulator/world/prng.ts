/**
 * A small seeded PRNG (mulberry32) so generated worlds and injected faults repeat exactly.
 * @module
 */

/** A generator of floats in [0, 1) with helpers. */
export interface Rng {
  (): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  /** true with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
}

/** A seeded generator: the same seed yields the same sequence. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }) as Rng
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1))
  next.chance = (p) => next() < p
  next.pick = (items) => items[Math.floor(next() * items.length)]!
  return next
}
