/**
 * SUSE (SLES, openSUSE Leap): needed patches from `zypper --xmlout list-patches`, pending
 * packages from `list-updates`, reboot from `needs-rebooting` (rc 102), last upgrade from
 * `/var/log/zypp/history`. zypper runs with `--no-refresh` and `ZYPP_READONLY_HACK=1` (no lock).
 * @module
 */
import type { HostReport, PendingUpdate } from '../model/host-report.ts'
import { localIso, type ParseContext } from './_context.ts'
import { lines } from './sections.ts'

/** zypper's informational exit codes: 100 patches, 101 security patches, 102/103 reboot/restart. */
const ZYPPER_OK = [0, 100, 101, 102, 103]

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of tag.matchAll(/([\w-]+)="([^"]*)"/g)) out[m[1]!] = m[2]!
  return out
}

/** `<update …>` elements of zypper's XML output, with the repository alias of each. */
export function parseZypperXml(xml: string): { a: Record<string, string>; repo: string | null }[] {
  const out: { a: Record<string, string>; repo: string | null }[] = []
  for (const m of xml.matchAll(/<update\s([^>]*?)\/?>([\s\S]*?<\/update>)?/g)) {
    const repo = /<source\s[^>]*alias="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? null
    out.push({ a: attrs(m[1]!), repo })
  }
  return out
}

/** zypper's XML error messages (`<message type="error">…</message>`). */
function xmlErrors(xml: string): string[] {
  return [...xml.matchAll(/<message type="error">([\s\S]*?)<\/message>/g)].map((m) => m[1]!.trim())
}

type ZypperPart = Omit<HostReport['patching'], 'autoUpdates' | 'listsRefreshedAt'>

/** Everything the zypper sections tell. */
export function parseZypper(c: ParseContext, tz: string): ZypperPart {
  const p = c.ok('zypper_patches', 'patching.pendingSecurity', ZYPPER_OK)
  const errs = p ? xmlErrors(p.stdout) : []
  if (p && errs.length > 0) c.fail('patching.pendingSecurity', 'zypper_patches', errs[0]!, p.rc)
  const patches =
    p && errs.length === 0
      ? parseZypperXml(p.stdout).filter(
          (u) => u.a.kind === 'patch' && (u.a.status ?? 'needed') === 'needed',
        )
      : null
  const updates: PendingUpdate[] | null = patches
    ? patches.map((u) => ({
        name: u.a.name ?? '?',
        installed: null,
        candidate: u.a.edition ?? null,
        origin: u.repo,
        security: u.a.category === 'security',
        advisory: u.a.name ?? null,
      }))
    : null
  const lu = c.ok('zypper_updates', 'patching.pending', ZYPPER_OK)
  const packages =
    lu && xmlErrors(lu.stdout).length === 0
      ? parseZypperXml(lu.stdout).filter((u) => u.a.kind === 'package')
      : null
  const hist = lines(c.ok('zypp_upgrades', 'patching.lastPatchAt') ?? undefined).at(-1)
  const lastPatchAt = hist ? localIso(hist.split('|')[0]!, tz) : null
  if (c.raw('zypp_upgrades')?.rc === 0 && !lastPatchAt)
    c.fail('patching.lastPatchAt', 'zypp_upgrades', 'no package upgrade in /var/log/zypp/history')
  const rb = c.raw('zypper_reboot')
  const rebootRequired = rb?.rc === 102 ? true : rb?.rc === 0 ? false : null
  if (rebootRequired === null) c.ok('zypper_reboot', 'patching.rebootRequired', [0, 102])
  return {
    manager: 'zypper',
    pending: packages ? packages.length : updates ? updates.length : null,
    pendingSecurity: updates ? updates.filter((u) => u.security).length : null,
    securityClassified: updates ? true : null,
    updates,
    lastPatchAt,
    lastPatchSource: lastPatchAt ? 'zypp history' : null,
    rebootRequired,
  }
}
