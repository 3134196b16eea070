/**
 * IMS images through the Glance API, with the Image Factory lineage read from the name.
 * @module
 */
import { listImages } from '../clients/image/images.ts'
import type { ImageWire } from '../clients/image/schemas.ts'
import { parseImageLineage } from '../inventory/image-lineage.ts'
import { tagField } from '../inventory/tags.ts'
import type { ImsImage } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { isoTime, nameOr, text } from './_map.ts'

/**
 * Maps an image; IMS `__*` properties absent on plain Glance images become null, as do Glance's
 * standard `os_distro`/`os_version` where IMS does not set them.
 */
export function toImsImage(w: ImageWire, ctx: MapContext): ImsImage {
  return {
    type: 'ims.image',
    id: w.id,
    name: nameOr(w.name, w.id),
    region: ctx.region,
    projectId: ctx.projectId,
    ...tagField(w.tags),
    status: w.status,
    osVersion: text(w.__os_version),
    platform: text(w.__platform),
    osDistro: text(w.os_distro),
    osDistroVersion: text(w.os_version),
    imageType: text(w.__imagetype),
    visibility: text(w.visibility),
    createdAt: isoTime(w.created_at),
    lineage: parseImageLineage(w.name),
  }
}

/**
 * Collects `ims.image` (GET /v2/images): every image the project can see (public, private,
 * shared), so servers' images resolve whatever their origin.
 */
export const imsImageCollector = defineCollector({
  type: 'ims.image',
  service: 'image',
  services: ['image'],
  async collect(ctx) {
    const images = await listImages(await ctx.client('image'), {}, ctx.signal)
    return { resources: images.map((w) => toImsImage(w, ctx)) }
  },
})
