/**
 * Parsing numeric and list flags with usage errors that name the flag.
 * @module
 */
import { UsageError } from './command.ts'

/** A number flag within [min, max]; undefined when not given. */
export function numberFlag(
  flag: string,
  value: unknown,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    !Number.isFinite(n) ||
    n < min ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `--${flag}: "${String(value)}" is not valid; expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
    )
  }
  return n
}

/** A comma-separated list flag whose items must be in `valid`. */
export function listFlag<T extends string>(
  flag: string,
  value: unknown,
  valid: readonly T[],
): T[] | undefined {
  if (value === undefined) return undefined
  const items = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const bad = items.filter((i) => !valid.includes(i as T))
  if (bad.length > 0)
    throw new UsageError(
      `--${flag}: unknown ${bad.map((b) => `"${b}"`).join(', ')}; expected some of: ${valid.join(', ')}`,
    )
  return items as T[]
}

/** `key=value,key=value` pairs, e.g. `servers=10000,seed=7`, each a whole number. */
export function pairsFlag(
  flag: string,
  value: unknown,
  keys: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const part of String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [k, v] = part.split('=', 2)
    if (!k || !keys.includes(k) || v === undefined)
      throw new UsageError(
        `--${flag}: "${part}" is not valid; expected ${keys.map((x) => `${x}=N`).join(',')}`,
      )
    out[k] = numberFlag(`${flag} ${k}`, v, 0, 1_000_000, true)!
  }
  return out
}
