/**
 * A zod schema's verdict on plain JSON data without zod's allocations. zod 4 (without its JIT,
 * see src/model/zod-jitless.ts) builds a payload object and an issues array for every field it
 * visits; on a 10,000-server scan that is ~400 MB of garbage in the first seconds, ~7× what
 * `JSON.parse` of the same pages allocates, and its scavenges hold every request in flight.
 *
 * {@link leanParser} walks a schema once and returns a function that does what zod does for the
 * kinds Sphere's wire schemas use (string, number, boolean, unknown, literal, enum, optional,
 * nullable, default, array, string-keyed record, union, object in strip mode), building only the
 * output. Any other node (checks, refinements, transforms, coercion, loose or strict objects,
 * formats, kinds it does not know) is handed to zod itself, so it is never wrong by omission,
 * only slower. It answers {@link MISMATCH} instead of an error: the caller then runs zod on the
 * same data for the error message, so errors stay exactly zod's.
 *
 * The contract, kept by lean-parse.test.ts over every registry schema and mutated bodies: when the
 * lean parser accepts a value, zod accepts it too and returns the same output (same keys, same
 * order, same values).
 * @module
 */
import type { z } from 'zod'
import { util } from 'zod/v4/core'

/** What a lean parser returns where zod would report an issue. */
export const MISMATCH: unique symbol = Symbol('lean-parse mismatch')

/** Parses plain data as the schema does, or returns {@link MISMATCH}. */
export type LeanParser = (value: unknown) => unknown

interface ZodInternals {
  def: {
    type: string
    checks?: readonly unknown[]
    coerce?: boolean
    innerType?: ZodLike
    element?: ZodLike
    shape?: Record<string, ZodLike>
    catchall?: ZodLike
    keyType?: ZodLike
    valueType?: ZodLike
    options?: readonly ZodLike[]
    mode?: string
    defaultValue?: unknown
  }
  traits: Set<string>
  values?: Set<unknown>
  optin?: 'optional' | 'defaulted'
  optout?: 'optional'
}
interface ZodLike {
  _zod: ZodInternals
  safeParse(value: unknown): { success: boolean; data?: unknown }
}

const cache = new WeakMap<object, LeanParser>()

/**
 * The lean parser of `schema` (built once per schema and kept).
 * @example const parse = leanParser(ServerWire); const out = parse(JSON.parse(text))
 */
export function leanParser(schema: z.ZodType): LeanParser {
  return build(schema as unknown as ZodLike)
}

/** Whether `schema` is parsed without zod anywhere inside it (for tests and the bench). */
export function isFullyLean(schema: z.ZodType): boolean {
  return delegated(schema as unknown as ZodLike, new Set()).length === 0
}

/** The zod kinds (trait sets without `$ZodType`) this module parses itself. */
const KINDS: Record<string, string> = {
  $ZodString: 'string',
  $ZodNumber: 'number',
  $ZodBoolean: 'boolean',
  $ZodUnknown: 'unknown',
  $ZodAny: 'unknown',
  $ZodLiteral: 'literal',
  $ZodEnum: 'enum',
  $ZodOptional: 'optional',
  $ZodNullable: 'nullable',
  $ZodDefault: 'default',
  $ZodArray: 'array',
  $ZodRecord: 'record',
  $ZodUnion: 'union',
  $ZodObject: 'object',
  '$ZodObject,$ZodObjectJIT': 'object',
}

/** The kind this module handles `s` as, or undefined when zod must parse it. */
function kindOf(s: ZodLike): string | undefined {
  const z = s._zod
  const traits = [...z.traits].filter((t) => t.startsWith('$Zod') && t !== '$ZodType').sort()
  const kind = KINDS[traits.join(',')]
  if (kind === undefined) return undefined
  if (z.def.type !== kind && !(kind === 'unknown' && z.def.type === 'any')) return undefined
  if ((z.def.checks?.length ?? 0) > 0 || z.def.coerce === true) return undefined
  if (kind === 'object' && z.def.catchall !== undefined) return undefined
  if (kind === 'record') {
    const key = z.def.keyType
    if (key === undefined || kindOf(key) !== 'string' || z.def.mode === 'loose') return undefined
  }
  if (kind === 'optional' && z.def.innerType?._zod.optin === 'defaulted') return undefined
  return kind
}

function delegated(s: ZodLike, seen: Set<ZodLike>): string[] {
  if (seen.has(s)) return []
  seen.add(s)
  const kind = kindOf(s)
  if (kind === undefined) return [s._zod.def.type]
  const d = s._zod.def
  const children = [
    d.innerType,
    d.element,
    d.valueType,
    ...(d.options ?? []),
    ...(kind === 'object' ? Object.values(d.shape ?? {}) : []),
  ]
  return children.flatMap((c) => (c ? delegated(c, seen) : []))
}

function build(s: ZodLike): LeanParser {
  const known = cache.get(s)
  if (known) return known
  // A recursive schema reaches itself while being built: the indirection resolves it later.
  let self: LeanParser | undefined
  cache.set(s, (v) => (self as LeanParser)(v))
  self = make(s)
  cache.set(s, self)
  return self
}

function viaZod(s: ZodLike): LeanParser {
  return (v) => {
    const r = s.safeParse(v)
    return r.success ? r.data : MISMATCH
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function make(s: ZodLike): LeanParser {
  const kind = kindOf(s)
  const d = s._zod.def
  switch (kind) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : MISMATCH)
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : MISMATCH)
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : MISMATCH)
    case 'unknown':
      return (v) => v
    case 'literal':
    case 'enum': {
      const values = s._zod.values as Set<unknown>
      return (v) => (values.has(v) ? v : MISMATCH)
    }
    case 'optional': {
      const inner = build(d.innerType as ZodLike)
      return (v) => (v === undefined ? undefined : inner(v))
    }
    case 'nullable': {
      const inner = build(d.innerType as ZodLike)
      return (v) => (v === null ? null : inner(v))
    }
    case 'default': {
      const inner = build(d.innerType as ZodLike)
      return (v) => {
        if (v === undefined) return d.defaultValue
        const r = inner(v)
        return r === undefined ? d.defaultValue : r
      }
    }
    case 'array': {
      const element = build(d.element as ZodLike)
      return (v) => {
        if (!Array.isArray(v)) return MISMATCH
        const out = new Array<unknown>(v.length)
        for (let i = 0; i < v.length; i++) {
          const r = element(v[i])
          if (r === MISMATCH) return MISMATCH
          out[i] = r
        }
        return out
      }
    }
    case 'record': {
      const value = build(d.valueType as ZodLike)
      return (v) => {
        // zod's own test of what a record accepts.
        if (!util.isPlainObject(v)) return MISMATCH
        const out: Record<string, unknown> = {}
        for (const key of Object.keys(v)) {
          // zod skips it; `out[key] =` would set the prototype.
          if (key === '__proto__') continue
          const r = value(v[key])
          if (r === MISMATCH) return MISMATCH
          out[key] = r
        }
        return out
      }
    }
    case 'union': {
      const options = (d.options ?? []).map((o) => build(o))
      return (v) => {
        for (const option of options) {
          const r = option(v)
          if (r !== MISMATCH) return r
        }
        return MISMATCH
      }
    }
    case 'object':
      return objectParser(d.shape ?? {})
    default:
      return viaZod(s)
  }
}

/** zod's strip-mode object: declared keys in shape order, unknown keys dropped. */
function objectParser(shape: Record<string, ZodLike>): LeanParser {
  const fields = Object.keys(shape)
    .filter((key) => key !== '__proto__')
    .map((key) => {
      const z = (shape[key] as ZodLike)._zod
      return { key, parse: build(shape[key] as ZodLike), optin: z.optin, optout: z.optout }
    })
  return (v) => {
    if (!isObject(v)) return MISMATCH
    const out: Record<string, unknown> = {}
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as (typeof fields)[number]
      const present = f.key in v
      const optionalOut = f.optout === 'optional'
      // An absent optional key contributes nothing (zod's `handlePropertyResult`).
      if (!present && optionalOut && f.optin === 'optional') continue
      const r = f.parse(v[f.key])
      if (r === MISMATCH) {
        if (f.optin !== undefined && optionalOut && !present) continue
        return MISMATCH
      }
      if (!present && f.optin === undefined) return MISMATCH
      if (r === undefined) {
        if (present || (f.optin === 'defaulted' && !optionalOut)) out[f.key] = undefined
      } else out[f.key] = r
    }
    return out
  }
}
