import { ageDays, defineCheck, fail, label, manual, pass } from '../define.ts'
import { bootVolumeUnread, replacementOf, serverImage, supersededBy } from './_image.ts'

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
    const age = ageDays(image.createdAt, ctx.now)
    const max = ctx.settings.imageMaxAgeDays
    const newer = supersededBy(image, ctx.inventory)
    const evidence = {
      imageId: image.id,
      imageName: image.name,
      createdAt: image.createdAt,
      ageDays: age,
      currentImageId: newer?.id ?? null,
      currentImageName: newer?.name ?? null,
    }
    if (newer) return fail(`${name} runs ${image.name}, superseded by ${newer.name}`, evidence)
    if (age === null) return manual(`${name} runs image ${image.name} of unknown age`, evidence)
    if (age > max)
      return fail(`${name} runs image ${image.name} built ${age} days ago (max ${max})`, evidence)
    return pass(`${name} runs ${image.name}, built ${age} days ago`, evidence)
  },
})
