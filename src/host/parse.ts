/**
 * Collector output → host report. Never throws on bad input: whatever cannot be read becomes
 * `null` with an entry in `errors` (truncated output, failed commands, missing tools).
 * @module
 */
import { HOST_REPORT_SCHEMA, type HostReport } from '../model/host-report.ts'
import { ParseContext } from './_context.ts'
import { parseAccounts, parseSsh } from './parse-access.ts'
import { parseAgents, parseTime } from './parse-agents.ts'
import { parseApt } from './parse-apt.ts'
import { cachedRepoIds, parseDnf } from './parse-dnf.ts'
import { parseCollector, parseHost, parseOs, parseTools } from './parse-meta.ts'
import { parseZypper } from './parse-zypper.ts'
import { rpmSources, splitDump } from './repos.ts'
import { lines, splitSections } from './sections.ts'

type Patching = HostReport['patching']

const UNKNOWN_PATCHING: Omit<Patching, 'autoUpdates' | 'listsRefreshedAt'> = {
  manager: null,
  pending: null,
  pendingSecurity: null,
  securityClassified: null,
  updates: null,
  lastPatchAt: null,
  lastPatchSource: null,
  rebootRequired: null,
}

/** Reboot flag files and needrestart's kernel status (3 = newer kernel installed). */
function rebootFromFlags(c: ParseContext, osId: string | null): boolean | null {
  const flags = c.raw('reboot_flags')
  if (lines(flags).some((l) => /^\/(var\/)?run\/reboot-(required|needed)$/.test(l))) return true
  const ksta = /^NEEDRESTART-KSTA:\s*(\d)/m.exec(c.raw('needrestart')?.stdout ?? '')?.[1]
  if (ksta === '1') return false
  if (ksta === '2' || ksta === '3') return true
  // Ubuntu's update-notifier always writes the flag; on Debian its absence proves nothing.
  return osId === 'ubuntu' && flags?.rc === 0 ? false : null
}

function autoUpdates(
  manager: Patching['manager'],
  packages: readonly string[],
  units: readonly string[],
  periodic: boolean | null,
): Patching['autoUpdates'] {
  if (manager === 'apt' && packages.includes('unattended-upgrades'))
    return { tool: 'unattended-upgrades', enabled: periodic }
  if (packages.includes('dnf-automatic'))
    return { tool: 'dnf-automatic', enabled: units.some((u) => u.startsWith('dnf-automatic')) }
  if (packages.includes('yum-cron'))
    return { tool: 'yum-cron', enabled: units.includes('yum-cron.service') }
  return { tool: null, enabled: manager ? false : null }
}

function patchingAndRepos(
  c: ParseContext,
  tz: string,
  os: HostReport['os'],
  tools: Map<string, boolean>,
): {
  patching: Omit<Patching, 'autoUpdates'>
  sources: HostReport['repos']['sources']
  periodic: boolean | null
} {
  if (tools.get('apt-get')) {
    const { sources, periodicUpgrades, ...apt } = parseApt(c, tz)
    const flags = rebootFromFlags(c, os.id)
    if (flags === null)
      c.fail(
        'patching.rebootRequired',
        'reboot_flags',
        "no reboot flag and no needrestart (on Debian the flag's absence proves nothing)",
      )
    return {
      patching: { ...UNKNOWN_PATCHING, ...apt, manager: 'apt', rebootRequired: flags },
      sources,
      periodic: periodicUpgrades,
    }
  }
  const rpm = tools.get('zypper')
    ? parseZypper(c, tz)
    : tools.get('dnf') || tools.get('yum')
      ? parseDnf(c, tz, os.distro)
      : null
  if (!rpm) {
    if (c.raw('package_tools'))
      c.fail(
        'patching',
        'package_tools',
        'no supported package manager (apt-get, dnf, yum, zypper) found',
      )
    else c.ok('package_tools', 'patching')
    return {
      patching: { ...UNKNOWN_PATCHING, listsRefreshedAt: null },
      sources: null,
      periodic: null,
    }
  }
  // Unknown cache: fetched is null; a readable but empty cache: nothing was ever fetched.
  const cacheSection = c.ok('repo_cache', 'repos.sources.fetched')
  const cache = cacheSection ? cachedRepoIds(cacheSection.stdout) : null
  if (cacheSection && !cache?.newest)
    c.fail('patching.listsRefreshedAt', 'repo_cache', 'no cached repository metadata found')
  const files = c.ok('repo_files', 'repos.sources')
  if (rpm.rebootRequired === null) rpm.rebootRequired = rebootFromFlags(c, os.id)
  return {
    patching: { ...rpm, listsRefreshedAt: cache?.newest ?? null },
    sources: files ? rpmSources(splitDump(files.stdout), cache?.ids ?? null) : null,
    periodic: null,
  }
}

/**
 * Parses the output of `collect.sh` into a host report.
 * @example
 * const report = parseHostOutput(readFileSync('web-1.txt', 'utf8'))
 * report.patching.pendingSecurity // 6, or null with an entry in report.errors
 */
export function parseHostOutput(text: string): HostReport {
  const split = splitSections(text)
  const c = new ParseContext(split)
  for (const p of split.problems) c.fail(null, null, p)
  if (split.sections.size > 0 && !split.complete)
    c.fail(null, 'end', 'collector output is truncated (no end section): later values are unknown')
  const { collector, collectedAt, tz } = parseCollector(c)
  const host = parseHost(c)
  const os = parseOs(c)
  const tools = parseTools(c)
  const { patching, sources, periodic } = patchingAndRepos(c, tz, os, tools)
  const ssh = parseSsh(c, tools)
  const accounts = parseAccounts(c)
  const { agents, packages } = parseAgents(c)
  const time = parseTime(c)
  const units = lines(c.raw('enabled_units'))
  return {
    schema: HOST_REPORT_SCHEMA,
    collector,
    collectedAt,
    host,
    os,
    patching: {
      ...patching,
      autoUpdates: autoUpdates(patching.manager, packages, units, periodic),
    },
    repos: { sources },
    ssh,
    accounts,
    agents,
    time,
    errors: c.errors,
  }
}
