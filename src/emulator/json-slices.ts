/**
 * `JSON.stringify` in time slices, for the emulator's big list pages: the body's top-level
 * arrays are written item by item (each item by `JSON.stringify`), giving the event loop a turn
 * whenever a slice's budget is spent. The text is the one `JSON.stringify(body)` gives, to the
 * byte: properties in `Object.keys` order, `undefined`, functions and symbols left out of objects
 * and `null` in arrays, `toJSON` called with the key it would get (json-slices.test.ts).
 * @module
 */
import type { Slicer } from '../model/time-slice.ts'

/**
 * Bodies whose top-level arrays hold fewer items than this are written by `JSON.stringify` in
 * one go: the small IAM answers on a scan's critical path stay on that fast path.
 */
export const SLICED_JSON_MIN_ITEMS = 100

type WithToJson = { toJSON(key: string): unknown }

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

/** Whether a body is big enough to be written in slices ({@link SLICED_JSON_MIN_ITEMS}). */
export function worthSlicing(body: unknown): boolean {
  if (isSliceableArray(body)) return body.length >= SLICED_JSON_MIN_ITEMS
  if (!isPlainObject(body)) return false
  let items = 0
  for (const key of Object.keys(body)) {
    const v = body[key]
    if (isSliceableArray(v)) items += v.length
  }
  return items >= SLICED_JSON_MIN_ITEMS
}

async function arrayText(items: readonly unknown[], slicer: Slicer): Promise<string> {
  const parts: string[] = []
  for (let i = 0; i < items.length; i++) {
    parts.push(property(String(i), items[i]) ?? 'null')
    if (slicer.due()) await slicer.pause()
  }
  return `[${parts.join(',')}]`
}

/**
 * `JSON.stringify(body)`, written in slices: the body's own properties and the items of its
 * top-level arrays one by one, with a turn for the event loop whenever `slicer` says so.
 * @example
 * const text = worthSlicing(body) ? await stringifySliced(body, slicer) : JSON.stringify(body)
 */
export async function stringifySliced(body: unknown, slicer: Slicer): Promise<string | undefined> {
  if (isSliceableArray(body)) return arrayText(body, slicer)
  if (!isPlainObject(body)) return JSON.stringify(body)
  const parts: string[] = []
  for (const key of Object.keys(body)) {
    const v = body[key]
    const text = isSliceableArray(v) ? await arrayText(v, slicer) : property(key, v)
    if (text === undefined) continue
    parts.push(`${JSON.stringify(key)}:${text}`)
  }
  return `{${parts.join(',')}}`
}
