/**
 * Reports are written as chunks (an iterable of strings), never as one string: a report of
 * 227,000 findings is 100 MB and more as text. These helpers batch small pieces into chunks and
 * join chunks where a caller does want one string (tests, small outputs).
 * @module
 */

/** A report as it is written: pieces of text in order. */
export type ReportChunks = Iterable<string>

/** Joins chunks into one string (for tests and small reports only). */
export function joinChunks(chunks: ReportChunks): string {
  let out = ''
  for (const c of chunks) out += c
  return out
}

/**
 * Renders `items` with `each` and yields the pieces joined `size` at a time, separated by `sep`
 * (also between batches): few large chunks rather than one per item.
 * @example
 * [...batched([1, 2, 3], String, ',', 2)] // ['1,2', ',3']
 */
export function* batched<T>(
  items: Iterable<T>,
  each: (item: T, index: number) => string,
  sep = '',
  size = 500,
): Generator<string> {
  let batch: string[] = []
  let i = 0
  for (const item of items) {
    batch.push(each(item, i))
    i++
    if (batch.length >= size) {
      yield (i > batch.length ? sep : '') + batch.join(sep)
      batch = []
    }
  }
  if (batch.length > 0) yield (i > batch.length ? sep : '') + batch.join(sep)
}

/**
 * Pretty JSON (two-space indent) of `value` nested `depth` levels deep, as `JSON.stringify(x,
 * null, 2)` would print it there.
 */
export function indentedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2)
  const pad = '  '.repeat(depth)
  return pad + text.replace(/\n/g, `\n${pad}`)
}
