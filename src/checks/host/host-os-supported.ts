import {
  defaultOsLifecycle,
  lifecycleDates,
  releaseLabel,
  supportPhase,
} from '../../lifecycle/os-eol.ts'
import { defineCheck, fail, manual, pass } from '../define.ts'
import { hostReportOf, unknown } from './_host.ts'

export default defineCheck({
  id: 'host-os-supported',
  title: 'The OS installed on servers is within its standard support period',
  duty: 'software-updates',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'high',
  rationale:
    'After the end of standard support the vendor publishes no more security fixes for the release (or only for paying extended-support customers); every new vulnerability stays open.',
  remediation: {
    text: "Upgrade the OS in place to a supported release following the vendor's upgrade guide, or move the workload to a server built from a current public image.",
    cli: 'do-release-upgrade                        # Ubuntu\nleapp upgrade                             # RHEL 8 → 9',
  },
  references: ['C5:OPS-18', 'C5:OPS-23', 'CCM:UEM-07', 'https://endoflife.date'],
  requires: [],
  // The server's image (and boot volume) tell a Windows server without os_type (see _host.ts).
  alsoReads: ['ims.image', 'evs.volume'],
  evaluate(server, ctx) {
    const h = hostReportOf(server, ctx)
    if ('verdict' in h) return h.verdict
    const { report: r, name, evidence } = h
    const { distro, release: version } = r.os
    if (!distro || !version) return unknown(name, r, 'os.distro')
    const release = defaultOsLifecycle().lookup({ distro, version })
    const facts = { ...evidence, distro, version, prettyName: r.os.prettyName }
    if (!release)
      return manual(`${name} runs ${distro} ${version}, which has no lifecycle data`, facts)
    const phase = supportPhase(release, ctx.now)
    const dates = { ...facts, ...lifecycleDates(release) }
    const os = releaseLabel(release)
    if (phase === 'rolling')
      return manual(
        `${name} runs ${release.name}, a rolling release without end dates; confirm it keeps updating itself`,
        dates,
      )
    if (phase === 'unknown')
      return manual(`${name} runs ${os}, whose end of support is not known`, dates)
    if (phase === 'standard')
      return pass(`${name} runs ${os}, supported until ${release.eol}`, dates)
    const extended = `only extended support remains, until ${release.extendedEol} (${release.extended ?? 'extended phase'})`
    if (phase === 'extended' && ctx.settings.osSupportPhase === 'extended')
      return pass(`${name} runs ${os}: standard support ended ${release.eol}; ${extended}`, dates)
    return fail(
      `${name} runs ${os}, past its end of standard support on ${release.eol}${phase === 'extended' ? `; ${extended}` : ''}`,
      dates,
    )
  },
})
