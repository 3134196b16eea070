import { defaultOsLifecycle, releaseLabel, supportPhase } from '../../lifecycle/os-eol.ts'
import { defineCheck, fail, label, manual, pass } from '../define.ts'
import { bootVolumeUnread, osOfHints, serverImage } from './_image.ts'

/** How to verify a rolling release (Fedora CoreOS): it is supported while it updates itself. */
const ROLLING =
  'a rolling release with no end date per release; its image says nothing about what runs now. Confirm automatic updates are on (rpm-ostree status, Zincati) or collect a host report'

export default defineCheck({
  id: 'ecs-server-image-supported',
  title: 'Servers run an operating system release that still gets security updates',
  duty: 'guest-os',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'high',
  rationale:
    'After its end of life an OS release gets no security fixes; every new vulnerability in it stays open for good.',
  remediation: {
    text: "Move the workload to a server built from a current public image (IMS > Public Images, Standard_<OS>_<version>_latest) of a supported release, or upgrade the OS in place following the vendor's upgrade guide.",
    cli: 'openstack image list --property __imagetype=gold\nopenstack server rebuild --image <supported-image> <server>',
  },
  references: ['C5:OPS-23', 'C5:PSS-11', 'CCM:TVM-07'],
  requires: ['ims.image'],
  // Only servers booted from a volume need it; `bootVolumeUnread` guards it.
  alsoReads: ['evs.volume'],
  evaluate(server, ctx) {
    const unread = bootVolumeUnread('ecs-server-image-supported', server, ctx)
    if (unread) return unread
    const name = label(server)
    const { hints, source, imageId } = serverImage(server, ctx.inventory)
    const os = osOfHints(hints)
    if (!os) return manual(`${name}: cannot tell its OS from the image`, { imageId, source })
    const release = defaultOsLifecycle().lookup(os)
    const evidence = { distro: os.distro, version: os.version, imageId, source }
    if (!release)
      return manual(
        `${name} runs ${os.distro} ${os.version}, which has no lifecycle data`,
        evidence,
      )
    const phase = supportPhase(release, ctx.now)
    const dates = {
      ...evidence,
      eol: release.eol,
      extendedEol: release.extendedEol,
      lifecycleSource: release.source,
    }
    const os_ = releaseLabel(release)
    if (phase === 'rolling') return manual(`${name} runs ${release.name}, ${ROLLING}`, dates)
    if (phase === 'unknown')
      return manual(`${name} runs ${os_}, whose end of life is not known`, dates)
    if (phase === 'standard')
      return pass(`${name} runs ${os_}, supported until ${release.eol}`, dates)
    const extended = `extended support until ${release.extendedEol} (${release.extended ?? 'extended phase'})`
    if (phase === 'extended' && ctx.settings.osSupportPhase === 'extended')
      return pass(`${name} runs ${os_}, in ${extended}`, dates)
    return fail(
      `${name} runs ${os_}, past its end of standard support on ${release.eol}${phase === 'extended' ? `; ${extended}` : ''}`,
      dates,
    )
  },
})
