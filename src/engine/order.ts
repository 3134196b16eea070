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

/**
 * Sorts `items` by string keys computed once per item (not once per comparison), comparing by
 * UTF-16 code units. The keys of a row are joined by U+0000, which sorts before every other
 * character, so the order is that of {@link cmpKeys} over the rows.
 */
export function sortByKey<T>(items: T[], key: (item: T) => string): T[] {
  const keyed = items.map((item, i) => ({ k: key(item), i }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
  const copy = items.slice()
  for (let i = 0; i < keyed.length; i++) items[i] = copy[keyed[i]!.i]!
  return items
}
