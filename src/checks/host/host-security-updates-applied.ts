import { defineCheck, fail, manual, pass } from '../define.ts'
import { daysBetween, hostReportOf, listNames, unknown } from './_host.ts'

export default defineCheck({
  id: 'host-security-updates-applied',
  title: 'Servers have no pending security updates',
  duty: 'security-patches',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'high',
  rationale:
    'A security update that is offered but not installed leaves a published, often exploited vulnerability open on the machine.',
  remediation: {
    text: 'Install the pending security updates with the package manager, restart the services or the machine when the update needs it, and enable automatic security updates (unattended-upgrades, dnf-automatic).',
    cli: 'apt-get update && apt-get upgrade         # Debian, Ubuntu\ndnf upgrade --security                     # RHEL, Rocky, Alma, openEuler\nzypper patch --category security           # SUSE',
  },
  references: ['C5:OPS-18', 'C5:OPS-22', 'CCM:TVM-03', 'CCM:UEM-07'],
  requires: [],
  // The server's image (and boot volume) tell a Windows server without os_type (see _host.ts).
  alsoReads: ['ims.image', 'evs.volume'],
  evaluate(server, ctx) {
    const h = hostReportOf(server, ctx)
    if ('verdict' in h) return h.verdict
    const { report: r, name, evidence } = h
    const p = r.patching
    if (p.pendingSecurity === null) {
      if (p.securityClassified === false && p.pending === 0)
        return pass(`${name}: no update is pending at all`, evidence)
      if (p.securityClassified === false && p.pending !== null)
        return manual(
          `${name}: ${p.pending} updates pending; ${r.os.prettyName ?? 'its'} repositories do not mark security updates`,
          { ...evidence, pending: p.pending },
        )
      return unknown(name, r, 'patching.pendingSecurity')
    }
    const security = (p.updates ?? []).filter((u) => u.security).map((u) => u.name)
    const facts = {
      ...evidence,
      pendingSecurity: p.pendingSecurity,
      listsRefreshedAt: p.listsRefreshedAt,
    }
    if (p.pendingSecurity > 0)
      return fail(
        `${name}: ${p.pendingSecurity} security updates pending (${listNames(security)})`,
        {
          ...facts,
          packages: security.slice(0, 100),
        },
      )
    if (p.rebootRequired)
      return fail(`${name}: updates are installed but need a reboot to take effect`, facts)
    const age = daysBetween(p.listsRefreshedAt, r.collectedAt)
    if (age === null || age > ctx.settings.hostListsMaxAgeDays)
      return manual(
        `${name}: no security update pending, but the package lists are ${age === null ? 'of unknown age' : `${age} days old`}; refresh them and collect again`,
        facts,
      )
    return pass(`${name}: no security update pending (package lists ${age} days old)`, facts)
  },
})
