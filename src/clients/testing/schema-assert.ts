/**
 * Helpers for wire-schema contract tests: break a sample at one field and read back the zod
 * issue paths, so a test can show that a schema names the field it rejects.
 * @module
 */
import type { z } from 'zod'

/** Pass as the value to {@link withValueAt} to delete the field instead. */
export const REMOVE: unique symbol = Symbol('remove')

/** A deep copy of `body` with the field at `path` set to `value` (or removed). */
export function withValueAt(
  body: unknown,
  path: readonly (string | number)[],
  value: unknown,
): unknown {
  const copy = structuredClone(body)
  let node = copy as Record<string | number, unknown>
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  const last = path.at(-1)
  if (last === undefined) return value
  if (value === REMOVE) delete node[last]
  else node[last] = value
  return copy
}

/** The dotted paths of every issue `schema` finds in `body` (empty when it parses). */
export function issuePaths(schema: z.ZodType, body: unknown): string[] {
  const res = schema.safeParse(body)
  return res.success ? [] : res.error.issues.map((i) => i.path.map(String).join('.'))
}
