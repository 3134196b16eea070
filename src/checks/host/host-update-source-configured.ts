import { defineCheck, fail, pass } from '../define.ts'
import { hostReportOf, listNames, unknown } from './_host.ts'

export default defineCheck({
  id: 'host-update-source-configured',
  title: 'Servers have a signed security update source they have reached',
  duty: 'software-updates',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'Without a reachable security repository a machine never learns about fixes; unsigned sources let anyone on the path replace packages.',
  remediation: {
    text: "Configure the distribution's security repository, preferably OTC's internal mirror (debmirror / smt / rhui .eu-de.otc-service.com, reachable without an EIP), keep signature checks on, and refresh the package lists.",
    cli: 'apt-get update          # Debian, Ubuntu\ndnf makecache           # RHEL family\nzypper refresh          # SUSE',
  },
  references: [
    'C5:OPS-18',
    'CCM:UEM-07',
    'https://docs.otc.t-systems.com/image-management-service/',
  ],
  requires: [],
  // The server's image (and boot volume) tell a Windows server without os_type (see _host.ts).
  alsoReads: ['ims.image', 'evs.volume'],
  evaluate(server, ctx) {
    const h = hostReportOf(server, ctx)
    if ('verdict' in h) return h.verdict
    const { report: r, name, evidence } = h
    const all = r.repos.sources
    if (all === null) return unknown(name, r, 'repos.sources')
    const enabled = all.filter((s) => s.enabled)
    const security = enabled.filter((s) => s.security)
    const uris = (l: typeof all) => [
      ...new Set(l.map((s) => (s.suite ? `${s.uri} ${s.suite}` : s.uri))),
    ]
    const facts = {
      ...evidence,
      sources: uris(enabled),
      otcMirror: security.some((s) => s.otcMirror),
    }
    if (security.length === 0)
      return fail(`${name}: no security update source is configured`, facts)
    const unsigned = enabled.filter((s) => s.signed === false)
    if (unsigned.length > 0)
      return fail(`${name}: sources without signature checks: ${listNames(uris(unsigned))}`, facts)
    if (security.every((s) => s.fetched === false))
      return fail(
        `${name}: the security sources were never fetched, so the machine cannot reach them: ${listNames(uris(security))}`,
        facts,
      )
    if (security.every((s) => s.fetched === null)) return unknown(name, r, 'repos.sources.fetched')
    const mirror = facts.otcMirror
      ? "uses OTC's internal mirror"
      : "does not use OTC's internal mirrors (needs internet access)"
    return pass(`${name}: security updates from ${listNames(uris(security), 3)}; ${mirror}`, facts)
  },
})
