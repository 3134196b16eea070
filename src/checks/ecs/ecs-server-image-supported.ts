import {
  defaultOsLifecycle,
  lifecycleDates,
  releaseLabel,
  supportPhase,
} from '../../lifecycle/os-eol.ts'
import { defineCheck, label } from '../define.ts'
import {
  bootVolumeUnread,
  type ImageVerdict,
  type ImageVerdicts,
  imageVerdict,
  osOfHints,
  perImageVerdict,
  type ServerImage,
  serverImage,
} from './_image.ts'

/** How to verify a rolling release (Fedora CoreOS): it is supported while it updates itself. */
const ROLLING =
  'a rolling release with no end date per release; its image says nothing about what runs now. Confirm automatic updates are on (rpm-ostree status, Zincati) or collect a host report'

/** Remembered per listed image (the servers of an image share its verdict). */
const VERDICTS: ImageVerdicts = new WeakMap()

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
    const si = serverImage(server, ctx.inventory)
    const phase = ctx.settings.osSupportPhase
    const v = si.image
      ? perImageVerdict(VERDICTS, si.image, ctx, phase, () => judge(si, ctx.now, phase))
      : judge(si, ctx.now, phase)
    return imageVerdict(label(server), v)
  },
})

/** The verdict on the OS of `si`, without the server's name. */
function judge(si: ServerImage, now: Date, accept: 'standard' | 'extended'): ImageVerdict {
  const { hints, source, imageId } = si
  const os = osOfHints(hints)
  if (!os)
    return {
      status: 'manual',
      tail: ': cannot tell its OS from the image',
      evidence: { imageId, source },
    }
  const release = defaultOsLifecycle().lookup(os)
  const evidence = { distro: os.distro, version: os.version, imageId, source }
  if (!release)
    return {
      status: 'manual',
      tail: ` runs ${os.distro} ${os.version}, which has no lifecycle data`,
      evidence,
    }
  const phase = supportPhase(release, now)
  const dates = { ...evidence, ...lifecycleDates(release) }
  const os_ = releaseLabel(release)
  if (phase === 'rolling')
    return { status: 'manual', tail: ` runs ${release.name}, ${ROLLING}`, evidence: dates }
  if (phase === 'unknown')
    return {
      status: 'manual',
      tail: ` runs ${os_}, whose end of life is not known`,
      evidence: dates,
    }
  if (phase === 'standard')
    return { status: 'pass', tail: ` runs ${os_}, supported until ${release.eol}`, evidence: dates }
  const extended = `extended support until ${release.extendedEol} (${release.extended ?? 'extended phase'})`
  if (phase === 'extended' && accept === 'extended')
    return { status: 'pass', tail: ` runs ${os_}, in ${extended}`, evidence: dates }
  return {
    status: 'fail',
    tail: ` runs ${os_}, past its end of standard support on ${release.eol}${phase === 'extended' ? `; ${extended}` : ''}`,
    evidence: dates,
  }
}
