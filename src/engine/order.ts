/**
 * Locale-independent ordering, so sorted output is the same on every machine.
 * @module
 */

/** Compares strings by UTF-16 code units (not locale rules). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Compares two rows key by key. */
export function cmpKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = cmp(a[i] ?? '', b[i] ?? '')
    if (c !== 0) return c
  }
  return 0
}
