/**
 * `JSON.stringify` in time slices, for the emulator's big list pages: the body's top-level
 * arrays are written {@link CHUNK_ITEMS} items at a time (each chunk by `JSON.stringify`),
 * giving the event loop a turn whenever a slice's budget is spent. The pieces, joined, are the
 * text `JSON.stringify(body)` gives, to the byte: properties in `Object.keys` order, `undefined`,
 * functions and symbols left out of objects and `null` in arrays, `toJSON` called with the key
 * it would get (json-slices.test.ts). A list given as {@link MappedItems} is mapped a chunk at a
 * time as it is written, so a page's wire objects never all exist at once.
 * @module
 */
import type { Slicer } from '../model/time-slice.ts'

/**
 * Bodies whose top-level arrays hold fewer items than this are written by `JSON.stringify` in
 * one go: the small IAM answers on a scan's critical path stay on that fast path.
 */
export const SLICED_JSON_MIN_ITEMS = 250

/**
 * Items written by one `JSON.stringify` call (≤ ~0.5 ms of the largest items). A whole
 * 1,000-server page in one call took ~5 ms on a quiet core; item by item the same text cost
 * twice the CPU, in chunks of 16–1,000 items ~1.3–1.4 times (most of it the final join).
 */
export const CHUNK_ITEMS = 32

type WithToJson = { toJSON(key: string): unknown }

/**
 * A list whose wire objects are made as it is written: {@link stringifySliced} maps
 * {@link CHUNK_ITEMS} source items, writes them and lets them go; anything else that writes it
 * (`JSON.stringify`, via `toJSON`) maps the whole list at once. Either way the text is that of
 * `items.map(wire)`.
 */
export class MappedItems<T, U> {
  constructor(
    readonly items: readonly T[],
    readonly wire: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return this.items.map((item) => this.wire(item))
  }

  /** The wire objects from `start` to `end`. */
  chunk(start: number, end: number): U[] {
    const out = new Array<U>(end - start)
    for (let i = start; i < end; i++) out[i - start] = this.wire(this.items[i]!)
    return out
  }
}

function hasToJson(v: unknown): v is WithToJson {
  const kind = typeof v
  return (
    ((kind === 'object' && v !== null) || kind === 'function' || kind === 'bigint') &&
    typeof (v as Partial<WithToJson>).toJSON === 'function'
  )
}

/** Objects `JSON.stringify` walks by their keys (not boxed primitives, not `toJSON` holders). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || hasToJson(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

const isSliceableArray = (v: unknown): v is readonly unknown[] => Array.isArray(v) && !hasToJson(v)

/** The text of `value` as its holder's property `key` (undefined: left out). */
function property(key: string, value: unknown): string | undefined {
  if (!hasToJson(value)) return JSON.stringify(value)
  // `toJSON` gets the property's key, as inside the whole body.
  const text = JSON.stringify({ [key]: value })
  return text === '{}' ? undefined : text.slice(JSON.stringify(key).length + 2, -1)
}

/**
 * Whether a body is written in slices: its top-level arrays hold {@link SLICED_JSON_MIN_ITEMS}
 * or more items, or it has a {@link MappedItems} list (whose wire objects are made as it is
 * written: the maker of one decided that the list is big enough to be built in slices).
 */
export function worthSlicing(body: unknown): boolean {
  if (isSliceableArray(body)) return body.length >= SLICED_JSON_MIN_ITEMS
  if (!isPlainObject(body)) return false
  let items = 0
  for (const key of Object.keys(body)) {
    const v = body[key]
    if (v instanceof MappedItems) return true
    if (isSliceableArray(v)) items += v.length
  }
  return items >= SLICED_JSON_MIN_ITEMS
}

/**
 * Writes the items from `start` to `end` to `out` as `JSON.stringify` writes them in an array;
 * `items[0]` is at index `at` of the whole list (a `toJSON` gets `at + i` as its key).
 */
function writeChunk(
  out: string[],
  items: readonly unknown[],
  start: number,
  end: number,
  at = 0,
): void {
  let plain = true
  for (let i = start; i < end && plain; i++) plain = !hasToJson(items[i])
  // One call for the chunk, unless an item's toJSON must get its own index as the key.
  if (plain) {
    const chunk = start === 0 && end === items.length ? items : items.slice(start, end)
    out.push(JSON.stringify(chunk).slice(1, -1))
    return
  }
  for (let i = start; i < end; i++) {
    if (i > start) out.push(',')
    out.push(property(String(at + i), items[i]) ?? 'null')
  }
}

/**
 * Writes a list to `out`, chunk by chunk, with turns for the event loop in between; the wire
 * objects of {@link MappedItems} are made per chunk and are garbage once it is written.
 */
async function writeArray(
  out: string[],
  list: readonly unknown[] | MappedItems<unknown, unknown>,
  slicer: Slicer,
) {
  const length = list instanceof MappedItems ? list.items.length : list.length
  out.push('[')
  for (let i = 0; i < length; i += CHUNK_ITEMS) {
    if (i > 0) out.push(',')
    const end = Math.min(length, i + CHUNK_ITEMS)
    if (list instanceof MappedItems) writeChunk(out, list.chunk(i, end), 0, end - i, i)
    else writeChunk(out, list, i, end)
    if (slicer.due()) await slicer.pause()
  }
  out.push(']')
}

/**
 * `JSON.stringify(body)`, written in slices: the body's own properties and the items of its
 * top-level arrays a chunk at a time, with a turn for the event loop whenever `slicer` says so.
 * The text comes in the pieces it was written in (their concatenation is the text; `undefined`
 * where `JSON.stringify` gives `undefined`): the emulator encodes them into one buffer, without
 * making one big string first (page-buffers.ts).
 * @example
 * const text = (await stringifySliced({ servers }, slicer))?.join('')
 */
export async function stringifySliced(
  body: unknown,
  slicer: Slicer,
): Promise<string[] | undefined> {
  const out: string[] = []
  if (isSliceableArray(body)) await writeArray(out, body, slicer)
  else if (!isPlainObject(body)) {
    const text = JSON.stringify(body)
    return text === undefined ? undefined : [text]
  } else {
    out.push('{')
    let first = true
    for (const key of Object.keys(body)) {
      const v = body[key]
      if (isSliceableArray(v) || v instanceof MappedItems) {
        out.push(first ? '' : ',', JSON.stringify(key), ':')
        await writeArray(out, v, slicer)
      } else {
        const text = property(key, v)
        if (text === undefined) continue
        out.push(first ? '' : ',', JSON.stringify(key), ':', text)
      }
      first = false
    }
    out.push('}')
  }
  return out
}
