/**
 * Debian/Ubuntu: pending (security) updates from `apt-get -s dist-upgrade`, sources from
 * `apt-get indextargets`, list age from stamp mtimes and the last upgrade from dpkg.log.
 * @module
 */
import type { HostReport, PendingUpdate, UpdateSource } from '../model/host-report.ts'
import { epochIso, keyValues, localIso, type ParseContext } from './_context.ts'
import { isOtcMirror, splitDump } from './repos.ts'
import { lines } from './sections.ts'

/** `Inst <pkg> [<installed>] (<candidate> <origins> [<arch>])` (a trailing ` []` may follow). */
const INST = /^Inst (\S+) (?:\[([^\]]*)\] )?\((\S+) (.*?) \[([^\]]+)\]\)/
/** Security origins, as monitoring-plugins check_apt and Checkmk classify them. */
const SECURITY = /(Debian-Security:|Ubuntu:[^/]*\/[^-]*-security)/

/** Parses the `Inst` lines of an apt simulation; other lines are ignored. */
export function parseAptSimulate(text: string): { updates: PendingUpdate[]; unparsed: string[] } {
  const updates: PendingUpdate[] = []
  const unparsed: string[] = []
  for (const line of text.split('\n')) {
    if (!line.startsWith('Inst ')) continue
    const m = INST.exec(line)
    if (!m) {
      unparsed.push(line)
      continue
    }
    updates.push({
      name: m[1]!,
      installed: m[2] ?? null,
      candidate: m[3]!,
      origin: m[4]!,
      security: SECURITY.test(m[4]!),
      advisory: null,
    })
  }
  return { updates, unparsed }
}

/** deb822 records (blank-line separated `Key: value` blocks). */
export function deb822(text: string): Record<string, string>[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => keyValues(block.replace(/^([\w-]+):\s?/gm, '$1=')))
    .filter((r) => Object.keys(r).length > 0)
}

/** URIs of sources marked `[trusted=yes]` (one-line) or `Trusted: yes` (deb822). */
function trustedOverrides(text: string): Set<string> {
  const out = new Set<string>()
  const norm = (u: string) => u.replace(/\/\/[^/@]*@/, '//').replace(/\/+$/, '')
  for (const lines_ of splitDump(text).values()) {
    const body = lines_.join('\n')
    for (const m of body.matchAll(/^deb(?:-src)?\s+\[([^\]]*)\]\s+(\S+)/gm))
      if (/\btrusted=yes\b/.test(m[1]!)) out.add(norm(m[2]!))
    for (const r of deb822(body))
      if (/^yes$/i.test(r.Trusted ?? ''))
        for (const u of (r.URIs ?? '').split(/\s+/)) out.add(norm(u))
  }
  return out
}

/** Configured apt sources, merged from all targets and the fetched ones. */
export function aptSources(all: string, fetched: string | null, sources: string): UpdateSource[] {
  // Lists may be stored compressed (`…_Packages.lz4`), and only the fetched ones say so.
  const plain = (f: string | undefined) => (f ?? '').replace(/\.(gz|xz|bz2|lzma|lz4|zst)$/, '')
  const got = new Map(deb822(fetched ?? '').map((r) => [plain(r.Filename), r]))
  const trusted = trustedOverrides(sources)
  const seen = new Map<string, UpdateSource>()
  for (const r of deb822(all)) {
    const uri = r.Site ?? r['Repo-URI'] ?? ''
    if (!uri || r['Target-Of'] === 'deb-src') continue
    const suite = r.Release ?? null
    const key = `${uri} ${suite}`
    const f = got.get(plain(r.Filename))
    const prev = seen.get(key)
    if (prev && (prev.fetched || !f)) continue
    const label = f?.Label ?? ''
    seen.set(key, {
      id: null,
      uri,
      suite,
      enabled: true,
      signed: trusted.has(uri.replace(/\/+$/, '')) ? false : f ? f.Trusted === 'yes' : null,
      fetched: fetched === null ? null : f !== undefined,
      security: /-security$/.test(suite ?? '') || /-Security$/.test(label),
      otcMirror: isOtcMirror(uri),
    })
  }
  return [...seen.values()]
}

/** Newest of the list-refresh stamps (Ubuntu success stamp, daily update stamp, lists/partial). */
function listsRefreshed(text: string): string | null {
  let best = 0
  for (const l of text.split('\n')) {
    const [t, path] = l.trim().split(/\s+/, 2)
    if (path && /update-success-stamp|update-stamp|lists\/partial$/.test(path))
      best = Math.max(best, Number(t) || 0)
  }
  return best > 0 ? epochIso(String(best)) : null
}

type AptPart = Pick<
  HostReport['patching'],
  'pending' | 'pendingSecurity' | 'securityClassified' | 'updates' | 'listsRefreshedAt'
> &
  Pick<HostReport['patching'], 'lastPatchAt' | 'lastPatchSource'> & {
    sources: UpdateSource[] | null
    periodicUpgrades: boolean | null
  }

/** Everything the apt sections tell. */
export function parseApt(c: ParseContext, tz: string): AptPart {
  const sim = c.ok('apt_simulate', 'patching.pendingSecurity')
  const parsed = sim ? parseAptSimulate(sim.stdout) : null
  if (sim && parsed && parsed.unparsed.length > 0)
    c.fail(null, 'apt_simulate', `unparsed Inst line: ${parsed.unparsed[0]}`)
  const all = c.ok('apt_targets_all', 'repos.sources')
  const fetched = c.raw('apt_targets')?.rc === 0 ? c.raw('apt_targets')!.stdout : null
  const srcText = c.raw('apt_sources')?.stdout ?? ''
  const stamps = c.ok('apt_stamps', 'patching.listsRefreshedAt')
  const refreshed = stamps ? listsRefreshed(stamps.stdout) : null
  if (stamps && !refreshed)
    c.fail('patching.listsRefreshedAt', 'apt_stamps', 'no update stamp or lists/partial found')
  const log = c.ok('dpkg_upgrades', 'patching.lastPatchAt')
  const last = lines(log ?? undefined).at(-1)
  const lastAt = last ? localIso(last, tz) : null
  if (log && !lastAt)
    c.fail('patching.lastPatchAt', 'dpkg_upgrades', 'no package upgrade in /var/log/dpkg.log*')
  const cfg = c.raw('apt_config')?.rc === 0 ? keyValues(c.raw('apt_config')!.stdout) : null
  return {
    pending: parsed ? parsed.updates.length : null,
    pendingSecurity: parsed ? parsed.updates.filter((u) => u.security).length : null,
    securityClassified: parsed ? true : null,
    updates: parsed?.updates ?? null,
    listsRefreshedAt: refreshed,
    lastPatchAt: lastAt,
    lastPatchSource: lastAt ? 'dpkg.log' : null,
    sources: all ? aptSources(all.stdout, fetched, srcText) : null,
    periodicUpgrades: cfg ? Number(cfg.UU ?? '0') > 0 : null,
  }
}
