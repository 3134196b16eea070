import { defineCheck, fail, pass } from '../define.ts'
import { daysBetween, hostReportOf, unknown } from './_host.ts'

export default defineCheck({
  id: 'host-patched-recently',
  title: 'Servers got a package upgrade recently or have nothing to upgrade',
  duty: 'security-patches',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'A machine nobody has upgraded for weeks collects every fix published since; regular patching keeps the window for known vulnerabilities short.',
  remediation: {
    text: 'Upgrade the installed packages at least monthly, or enable automatic updates (unattended-upgrades on Debian/Ubuntu, dnf-automatic on the RHEL family).',
    cli: 'apt-get update && apt-get upgrade\ndnf upgrade\nzypper patch',
  },
  references: ['C5:OPS-18', 'CCM:TVM-03', 'CCM:UEM-07'],
  requires: [],
  // The server's image (and boot volume) tell a Windows server without os_type (see _host.ts).
  alsoReads: ['ims.image', 'evs.volume'],
  evaluate(server, ctx) {
    const h = hostReportOf(server, ctx)
    if ('verdict' in h) return h.verdict
    const { report: r, name, evidence } = h
    const p = r.patching
    const listsAge = daysBetween(p.listsRefreshedAt, r.collectedAt)
    const nothingPending =
      p.pending === 0 && listsAge !== null && listsAge <= ctx.settings.hostListsMaxAgeDays
    const days = daysBetween(p.lastPatchAt, ctx.now)
    const facts = {
      ...evidence,
      lastPatchAt: p.lastPatchAt,
      lastPatchSource: p.lastPatchSource,
      pending: p.pending,
    }
    if (days === null)
      return nothingPending
        ? pass(`${name}: no upgrade recorded, and no update is pending`, facts)
        : unknown(name, r, 'patching.lastPatchAt')
    const max = ctx.settings.hostPatchMaxAgeDays
    if (days <= max) return pass(`${name}: last package upgrade ${days} days ago`, facts)
    if (nothingPending)
      return pass(`${name}: last package upgrade ${days} days ago, and no update is pending`, facts)
    return fail(
      `${name}: last package upgrade ${days} days ago (more than ${max}), ${p.pending ?? 'an unknown number of'} updates pending`,
      facts,
    )
  },
})
