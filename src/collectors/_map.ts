/**
 * Small conversions shared by the `toX` mapping functions: cloud times to ISO UTC strings,
 * string booleans to booleans, empty strings to null. Unknown stays null, never a guessed false.
 * @module
 */
import { parseCloudTime } from '../clients/core/time.ts'

/** An OTC timestamp in any of its forms as an ISO 8601 UTC string, or null. */
export function isoTime(value: string | number | null | undefined): string | null {
  return parseCloudTime(value)?.toISOString() ?? null
}

/** The string, or null when absent or empty. */
export function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value
}

/** A display name: the name, or the id when the resource has none. */
export function nameOr(name: string | null | undefined, id: string): string {
  return text(name?.trim()) ?? id
}

/**
 * A boolean the API may send as a boolean, `"true"`/`"false"` or `"1"`/`"0"`; null for anything
 * else (absent, empty, unknown words).
 */
export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value !== 'string') return null
  const v = value.trim().toLowerCase()
  if (v === 'true' || v === '1') return true
  if (v === 'false' || v === '0') return false
  return null
}

/** Unique values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)]
}
