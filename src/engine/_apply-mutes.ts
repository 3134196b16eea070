/**
 * Applies a mutelist to findings: a `fail` or `manual` finding an unexpired entry covers becomes
 * `muted`, keeping its original status and the entry's reason. Expired entries, entries naming an
 * unknown check and entries that muted nothing in any scope become scan notes.
 * @module
 */
import { compileMutelist, isExpired, type Mutelist } from './mutelist.ts'
import type { Finding, ScanNote } from './types.ts'

/**
 * Mutes the findings of one scope; records in `used` the entries that muted something.
 * @param tagsOf the tags of a finding's resource (empty map when unknown)
 */
export function muteFindings(
  findings: readonly Finding[],
  list: Mutelist,
  now: Date,
  tagsOf: (f: Finding) => ReadonlyMap<string, string>,
  used: Set<number>,
): Finding[] {
  const matcher = compileMutelist(list, now)
  const ref = (i: number) => {
    const m = list.mutes[i]!
    return { reason: m.reason, expires: m.expires ?? null, entry: `mutes[${i}]` }
  }
  return findings.map((f): Finding => {
    if (f.status !== 'fail' && f.status !== 'manual') return f
    const target = { checkId: f.checkId, resource: f.resource, tags: tagsOf(f) }
    const i = matcher.match(target)
    if (i >= 0) {
      used.add(i)
      return { ...f, status: 'muted', mutedStatus: f.status, mute: ref(i) }
    }
    const x = matcher.matchExpired(target)
    return x >= 0 ? { ...f, expiredMute: ref(x) } : f
  })
}

/**
 * The notes about a mutelist once every scope was muted: unknown checks, expired entries, and
 * entries that muted nothing anywhere.
 * @param knownChecks ids of every check the scan knows (to flag typos in the mutelist)
 */
export function mutelistNotes(
  list: Mutelist,
  now: Date,
  used: ReadonlySet<number>,
  knownChecks: ReadonlySet<string>,
): ScanNote[] {
  const notes: ScanNote[] = []
  list.mutes.forEach((m, i) => {
    const source = `${list.file}: mutes[${i}]`
    const what = `check ${m.check}, resource ${m.resource}${m.tag ? `, tag ${m.tag}` : ''}`
    if (m.check !== '*' && !knownChecks.has(m.check))
      notes.push({
        level: 'warning',
        code: 'mute-unknown-check',
        message: `mute names unknown check "${m.check}"; it mutes nothing`,
        source,
      })
    else if (isExpired(m, now))
      notes.push({
        level: 'warning',
        code: 'mute-expired',
        message: `mute expired on ${m.expires} and no longer mutes (${what}; reason: ${m.reason})`,
        source,
      })
    else if (!used.has(i))
      notes.push({
        level: 'info',
        code: 'mute-unused',
        message: `mute matched no failing or manual finding (${what})`,
        source,
      })
  })
  return notes
}
