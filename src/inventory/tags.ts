/**
 * Resource tags in one shape. The APIs send them three ways: a record (EVS `tags`), a list of
 * `key=value` strings (Nova, Glance; a bare `key` is a tag without value), or a list of
 * `{ key, value }` objects (CBR, RDS). Collectors keep them as a record on the resource (the
 * mutelist matches `tag: key=value` against it); nothing else of the wire object is kept.
 * @module
 */

/** A resource's tags, key to value (`''` for a tag without value). */
export type Tags = Readonly<Record<string, string>>

/**
 * The tags in any of the three wire shapes as a record, or undefined when `src` is none of them
 * (absent, null, a number). Later duplicates of a key win, as they would on the wire.
 * @example tagRecord(['env=dev', 'solo']) // { env: 'dev', solo: '' }
 */
export function tagRecord(src: unknown): Tags | undefined {
  // A Map, then own data properties: a tag named `__proto__` (wire text is untrusted) stays a tag.
  const out = new Map<string, string>()
  if (Array.isArray(src)) {
    for (const t of src) {
      if (typeof t === 'string') {
        const i = t.indexOf('=')
        if (i < 0) out.set(t, '')
        else out.set(t.slice(0, i), t.slice(i + 1))
      } else if (t && typeof t === 'object' && typeof (t as { key?: unknown }).key === 'string') {
        const { key, value } = t as { key: string; value?: unknown }
        out.set(key, value === undefined || value === null ? '' : String(value))
      }
    }
  } else if (src && typeof src === 'object') {
    for (const [k, v] of Object.entries(src)) out.set(k, v === null ? '' : String(v))
  } else return undefined
  return Object.fromEntries(out)
}

/**
 * `{ tags }` when the wire object has at least one tag, else `{}`: spread into a mapped resource
 * so that a resource without tags has no `tags` key at all.
 * @example return { type: 'ecs.server', ..., ...tagField(w.tags) }
 */
export function tagField(src: unknown): { tags?: Tags } {
  const tags = tagRecord(src)
  return tags && Object.keys(tags).length > 0 ? { tags } : {}
}
