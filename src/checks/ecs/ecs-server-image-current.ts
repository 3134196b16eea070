import type { ImsImage } from '../../inventory/types.ts'
import { ageDays, type CheckContext, defineCheck, fail, label, manual } from '../define.ts'
import {
  bootVolumeUnread,
  type ImageVerdict,
  type ImageVerdicts,
  imageVerdict,
  perImageVerdict,
  replacementOf,
  serverImage,
  supersededBy,
} from './_image.ts'

/** Remembered per listed image (the servers of an image share its verdict). */
const VERDICTS: ImageVerdicts = new WeakMap()

export default defineCheck({
  id: 'ecs-server-image-current',
  title: 'Servers run the current image of their lineage, built within the allowed age',
  duty: 'guest-os',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'A server started from an outdated image begins life with months of missing fixes; the provider rebuilds public images monthly, but only new servers get them.',
  remediation: {
    text: 'Rebuild or replace the server from the current public image (the Standard_<OS>_<version>_latest of its lineage) or from a freshly built private image, then retire the old one.',
    cli: 'openstack image list --property __imagetype=gold --name <family>_latest\nopenstack server rebuild --image <current-image> <server>',
  },
  references: ['C5:PSS-11', 'CCM:IVS-04'],
  requires: ['ims.image'],
  // Only servers booted from a volume need it; `bootVolumeUnread` guards it.
  alsoReads: ['evs.volume'],
  evaluate(server, ctx) {
    const unread = bootVolumeUnread('ecs-server-image-current', server, ctx)
    if (unread) return unread
    const name = label(server)
    const si = serverImage(server, ctx.inventory)
    const image = si.image
    if (!image) {
      const current = replacementOf(si, ctx.inventory)
      const id = si.imageId ?? si.hints.name ?? '(unknown)'
      if (!current) return manual(`${name}: its image ${id} is not listed; age unknown`)
      return fail(`${name} runs image ${id}, no longer listed; current is ${current.name}`, {
        imageId: si.imageId,
        currentImageId: current.id,
        currentImageName: current.name,
      })
    }
    const max = ctx.settings.imageMaxAgeDays
    return imageVerdict(
      name,
      perImageVerdict(VERDICTS, image, ctx, max, () => judge(image, ctx, max)),
    )
  },
})

/** The verdict on a listed image's age and lineage, without the server's name. */
function judge(image: ImsImage, ctx: CheckContext, max: number): ImageVerdict {
  const age = ageDays(image.createdAt, ctx.now)
  const newer = supersededBy(image, ctx.inventory)
  const evidence = {
    imageId: image.id,
    imageName: image.name,
    createdAt: image.createdAt,
    ageDays: age,
    currentImageId: newer?.id ?? null,
    currentImageName: newer?.name ?? null,
  }
  if (newer)
    return { status: 'fail', tail: ` runs ${image.name}, superseded by ${newer.name}`, evidence }
  if (age === null)
    return { status: 'manual', tail: ` runs image ${image.name} of unknown age`, evidence }
  if (age > max)
    return {
      status: 'fail',
      tail: ` runs image ${image.name} built ${age} days ago (max ${max})`,
      evidence,
    }
  return { status: 'pass', tail: ` runs ${image.name}, built ${age} days ago`, evidence }
}
