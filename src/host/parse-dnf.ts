/**
 * RHEL family (RHEL, Rocky, Alma, Oracle, CentOS, Fedora, openEuler, EulerOS, HCE): dnf or yum,
 * always run from cache (`-C`). Security advisories from `updateinfo list --security`, all
 * pending updates from `check-update` (rc 100 = updates), last patch from `history list`.
 * @module
 */
import type { HostReport, PendingUpdate } from '../model/host-report.ts'
import { epochIso, localIso, type ParseContext } from './_context.ts'
import { lines } from './sections.ts'

/** `name-[epoch:]version-release.arch` → name. */
export function nevraName(nevra: string): string {
  const noArch = nevra.replace(/\.[a-z0-9_]+$/i, '')
  return noArch.split('-').slice(0, -2).join('-') || noArch
}

const NEVRA = /^\S+-[^-\s]+-[^-\s]+\.[a-z0-9_]+$/i
const ADVISORY = /^[A-Za-z][\w.]*-[\w.:-]+$/

/** Security advisory lines (dnf4 `ID Label NEVRA`, yum 3, dnf5 `ID Type Severity NEVRA Issued`). */
export function parseUpdateinfo(
  text: string,
): { advisory: string; nevra: string; label: string }[] {
  const out: { advisory: string; nevra: string; label: string }[] = []
  for (const l of text.split('\n')) {
    const t = l.trim().replace(/^i\s+/, '').split(/\s+/)
    if (t.length < 3 || !ADVISORY.test(t[0]!)) continue
    const nevra = t.slice(1).find((x) => NEVRA.test(x))
    if (!nevra || !/sec|security/i.test(t.slice(1, t.indexOf(nevra)).join(' '))) continue
    out.push({ advisory: t[0]!, nevra, label: t.slice(1, t.indexOf(nevra)).join(' ') })
  }
  return out
}

/** `check-update` rows `name.arch  [epoch:]version-release  repo` (long names wrap a line). */
export function parseCheckUpdate(
  text: string,
): { name: string; candidate: string; repo: string }[] {
  const out: { name: string; candidate: string; repo: string }[] = []
  let carry = ''
  for (const raw of text.split('\n')) {
    if (/^(Obsoleting|Security:|Last metadata)/i.test(raw.trim())) {
      if (/^Obsoleting/i.test(raw.trim())) break
      continue
    }
    const t = `${carry} ${raw}`.trim().split(/\s+/).filter(Boolean)
    carry = ''
    if (t.length === 1 && /\.[a-z0-9_]+$/i.test(t[0]!)) {
      carry = t[0]!
      continue
    }
    if (t.length !== 3 || !/\.[a-z0-9_]+$/i.test(t[0]!)) continue
    out.push({ name: t[0]!.replace(/\.[a-z0-9_]+$/i, ''), candidate: t[1]!, repo: t[2]! })
  }
  return out
}

/** Newest `history list` transaction that upgraded packages (times are the VM's local time). */
export function lastUpgrade(text: string, tz: string): string | null {
  let best: string | null = null
  for (const l of text.split('\n')) {
    const m = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)\s*\|?\s*([^|]*)/.exec(l)
    if (!m || !/\b(Upgrade|Update|Updated|U)\b/.test(m[2]!)) continue
    const at = localIso(m[1]!, tz)
    if (at && (!best || at > best)) best = at
  }
  return best
}

/** Repo ids whose metadata is cached (`/var/cache/dnf/<id>-<hash>/…`, `/var/cache/yum/…/<id>/…`). */
export function cachedRepoIds(text: string): { ids: Set<string>; newest: string | null } {
  const ids = new Set<string>()
  let newest = 0
  for (const l of text.split('\n')) {
    const [t, path] = l.trim().split(/\s+/, 2)
    if (!path) continue
    newest = Math.max(newest, Number(t) || 0)
    const m =
      /\/cache\/dnf\/(.+)-[0-9a-f]{16}\/repodata\/repomd\.xml$/.exec(path) ??
      /\/cache\/zypp\/raw\/([^/]+)\/repodata\/repomd\.xml$/.exec(path) ??
      /\/cache\/yum\/(?:[^/]+\/){0,2}([^/]+)\/repomd\.xml$/.exec(path)
    if (m) ids.add(m[1]!)
  }
  return { ids, newest: newest > 0 ? epochIso(String(newest)) : null }
}

/** Distributions whose repositories carry no security metadata (updateinfo). */
const UNCLASSIFIED = new Set(['centos', 'centos-stream'])

type DnfPart = Omit<HostReport['patching'], 'autoUpdates' | 'listsRefreshedAt'>

/** Everything the dnf/yum sections tell. */
export function parseDnf(c: ParseContext, tz: string, distro: string | null): DnfPart {
  const manager = c.raw('rpm_manager')?.stdout.trim() === 'yum' ? 'yum' : 'dnf'
  const upd = c.ok('rpm_updates', 'patching.pending', [0, 100])
  const pending = upd ? parseCheckUpdate(upd.stdout) : null
  const classified = distro === null ? null : !UNCLASSIFIED.has(distro)
  const sec = classified === false ? null : c.ok('rpm_security', 'patching.pendingSecurity')
  if (classified === false)
    c.fail(
      'patching.pendingSecurity',
      'rpm_security',
      `${distro} repositories publish no security metadata (updateinfo); only "any update pending" is known`,
    )
  const advisories = sec ? parseUpdateinfo(sec.stdout) : null
  const secNames = new Set((advisories ?? []).map((a) => nevraName(a.nevra)))
  const updates: PendingUpdate[] | null = pending
    ? pending.map((p) => ({
        name: p.name,
        installed: null,
        candidate: p.candidate,
        origin: p.repo,
        security: secNames.has(p.name),
        advisory: advisories?.find((a) => nevraName(a.nevra) === p.name)?.advisory ?? null,
      }))
    : null
  const hist = c.raw('rpm_history')
  let lastPatchAt = hist?.rc === 0 ? lastUpgrade(hist.stdout, tz) : null
  let lastPatchSource = lastPatchAt ? `${manager} history` : null
  if (!lastPatchAt) {
    const inst = lines(c.ok('rpm_last_installs', 'patching.lastPatchAt') ?? undefined).at(-1)
    lastPatchAt = epochIso(inst?.split(/\s+/)[0])
    lastPatchSource = lastPatchAt ? 'rpm install time (newest package, any install)' : null
    if (!lastPatchAt)
      c.fail('patching.lastPatchAt', 'rpm_history', 'no upgrade in the package history')
  }
  return {
    manager,
    pending: pending ? pending.length : null,
    pendingSecurity: advisories ? secNames.size : null,
    securityClassified: classified,
    updates,
    lastPatchAt,
    lastPatchSource,
    rebootRequired: rebootHint(c),
  }
}

/** `needs-restarting -r`: rc 1 with "Reboot is required", rc 0 with "should not be necessary". */
function rebootHint(c: ParseContext): boolean | null {
  const s = c.raw('rpm_reboot')
  const text = `${s?.stdout ?? ''}\n${s?.stderr ?? ''}`
  if (s?.rc === 1 && /reboot is required/i.test(text)) return true
  if (s?.rc === 0 && /should not be necessary|no core libraries/i.test(text)) return false
  if (c.ok('rpm_reboot', 'patching.rebootRequired', [0, 1]))
    c.fail('patching.rebootRequired', 'rpm_reboot', 'needs-restarting gave no clear answer', s!.rc)
  return null
}
