/**
 * The mutelist: accepted risks a customer has decided to live with, each with a reason and
 * optionally an expiry. A muted finding stays in every report, marked with the reason; an expired
 * entry stops muting and is reported as a scan note.
 *
 * ```yaml
 * mutes:
 *   - check: ecs-server-keypair-login   # a check id, or '*'
 *     resource: 'legacy-*'              # resource id or name, or a glob (* and ?) on either
 *     tag: env=test                     # optional: the resource must carry this tag
 *     reason: Legacy hosts, replaced in Q3 (ticket SEC-123)
 *     expires: 2026-09-30               # optional: last day (UTC) the entry mutes
 * ```
 * @module
 */
import { z } from 'zod'
import { tagRecord } from '../inventory/tags.ts'
import { parseYamlText, readYamlFile, validateDocument } from '../model/yaml-file.ts'

const DAY = /^\d{4}-\d{2}-\d{2}$/

function isCalendarDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`)
  return DAY.test(s) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
}

const day = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .refine(isCalendarDay, 'expected a real calendar date YYYY-MM-DD')

/** One mutelist entry. */
export const MuteEntry = z.strictObject(
  {
    check: z
      .string({ error: 'expected a check id (e.g. evs-volume-encrypted) or "*"' })
      .regex(
        /^(\*|[a-z0-9]+(-[a-z0-9]+)*)$/,
        'expected a check id (e.g. evs-volume-encrypted) or "*"',
      ),
    resource: z
      .string({ error: 'expected a resource id, name or glob such as "web-*"' })
      .trim()
      .min(1, 'expected a resource id, name or glob such as "web-*" (use "*" for all)'),
    tag: z
      .string({ error: 'expected a tag as key=value' })
      .regex(/^[^=\s][^=]*=.*$/, 'expected a tag as key=value')
      .optional(),
    reason: z
      .string({ error: 'expected a reason: why the risk is accepted' })
      .trim()
      .min(1, 'expected a non-empty reason: why the risk is accepted'),
    expires: day.optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown key ${iss.keys.map((k) => `"${k}"`).join(', ')}; expected: check, resource, tag, reason, expires`
        : undefined,
  },
)
export type MuteEntry = z.output<typeof MuteEntry>

/** Schema of a mutelist file. */
export const MutelistFile = z.strictObject({
  mutes: z.array(MuteEntry, { error: 'expected a list of mutes' }),
})

/** A validated mutelist and the file it came from (for messages). */
export interface Mutelist {
  readonly file: string
  readonly mutes: readonly MuteEntry[]
}

/**
 * Reads and validates a mutelist file.
 * @throws {InputError} naming the file, the path (`mutes[2].reason`) and what was expected
 */
export function loadMutelist(file: string): Mutelist {
  return { file, mutes: readYamlFile(file, MutelistFile, 'mutelist').mutes }
}

/** Parses mutelist text (YAML or JSON); `file` names it in errors. */
export function parseMutelist(text: string, file: string): Mutelist {
  return {
    file,
    mutes: validateDocument(parseYamlText(text, file, 'mutelist'), MutelistFile, file).mutes,
  }
}

/** True when the entry's last day lies before `now`'s UTC day. */
export function isExpired(entry: Pick<MuteEntry, 'expires'>, now: Date): boolean {
  return entry.expires !== undefined && now.toISOString().slice(0, 10) > entry.expires
}

/** Turns a glob (`*`, `?`) into an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('')
  return new RegExp(`^${body}$`, 's')
}

/** What a mute is matched against. */
export interface MuteTarget {
  readonly checkId: string
  readonly resource: { readonly id: string; readonly name: string }
  readonly tags: ReadonlyMap<string, string>
}

/** A mutelist prepared for matching many findings. */
export interface MuteMatcher {
  /** Index of the first unexpired entry covering the target, or -1. */
  match(target: MuteTarget): number
  /** Index of the first expired entry that would cover the target, or -1. */
  matchExpired(target: MuteTarget): number
}

/** Prepares `list` for matching at `now` (expired entries never match). */
export function compileMutelist(list: Mutelist, now: Date): MuteMatcher {
  const compiled = list.mutes.map((m) => {
    const eq = m.tag?.indexOf('=') ?? -1
    return {
      check: m.check,
      resource: globToRegExp(m.resource),
      tag: m.tag ? ([m.tag.slice(0, eq), m.tag.slice(eq + 1)] as const) : null,
      expired: isExpired(m, now),
    }
  })
  const find = (t: MuteTarget, expired: boolean) =>
    compiled.findIndex(
      (m) =>
        m.expired === expired &&
        (m.check === '*' || m.check === t.checkId) &&
        (m.resource.test(t.resource.id) || m.resource.test(t.resource.name)) &&
        (!m.tag || t.tags.get(m.tag[0]) === m.tag[1]),
    )
  return { match: (t) => find(t, false), matchExpired: (t) => find(t, true) }
}

/**
 * The tags of a resource as far as the inventory shows them: its `tags` field (collectors keep a
 * record; a saved inventory from elsewhere may hold any of the wire shapes tags.ts reads).
 * Empty when unknown.
 */
export function resourceTags(resource: object): ReadonlyMap<string, string> {
  return new Map(Object.entries(tagRecord((resource as { tags?: unknown }).tags) ?? {}))
}
