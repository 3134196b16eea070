/**
 * IMS through the Glance-compatible `/v2/images` under `/image` (otc-api.md §3): `__*` flags as
 * strings, `limit` + `marker` paging with a relative `next` link.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, markerPage } from '../paging.ts'
import type { Image } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const IMAGES: LimitRule = { defaultLimit: 25, max: 1000, overMax: 'clamp' }

/** Glance's standard OS properties, where the world sets them. */
function glanceOs(im: Image): { os_distro?: string; os_version?: string } {
  return {
    ...(im.osDistro === null ? {} : { os_distro: im.osDistro }),
    ...(im.osDistroVersion === null ? {} : { os_version: im.osDistroVersion }),
  }
}

/**
 * An image as a plain Glance (OpenStack) shows it: none of IMS's own fields, only the properties
 * someone set (`os_distro`/`os_version`, or `__os_version` copied by hand, as the devcloud seed
 * does on two images).
 */
function plainImageWire(im: Image): WireInput<'image.ShowImage'> {
  return {
    id: im.id,
    name: im.name,
    status: im.status,
    visibility: im.visibility,
    protected: im.protected,
    owner: im.owner,
    created_at: fmt.isoSeconds(im.createdAt),
    updated_at: fmt.isoSeconds(im.createdAt),
    min_disk: im.minDisk,
    min_ram: im.minRam,
    size: 0,
    disk_format: im.diskFormat,
    container_format: 'bare',
    checksum: null,
    tags: [],
    ...glanceOs(im),
    ...(im.osVersion === null ? {} : { __os_version: im.osVersion }),
    ...(im.platform === null ? {} : { __platform: im.platform }),
    self: `/v2/images/${im.id}`,
    file: `/v2/images/${im.id}/file`,
    schema: '/v2/schemas/image',
  }
}

/** An image as Glance shows it: with the IMS `__*` properties on OTC, plain on OpenStack. */
export function imageWire(
  im: Image,
  cloud: 'otc' | 'openstack' = 'otc',
): WireInput<'image.ShowImage'> {
  if (cloud === 'openstack') return plainImageWire(im)
  // OTC's IMS shows no checksum but adds its `__*` properties.
  const { checksum: _checksum, ...plain } = plainImageWire(im)
  return {
    ...plain,
    virtual_env_type: 'FusionCompute',
    hw_firmware_type: 'bios',
    __imagetype: im.imageType,
    __isregistered: 'true',
    __os_type: im.osType,
    __os_bit: im.osBit,
    __support_kvm: 'true',
    __image_size: String(im.minDisk * 1024 ** 3),
  }
}

/** Filters Glance applies by query (exact match on the wire value). */
const FILTERS: Record<string, (im: Image) => string | null> = {
  __imagetype: (im) => im.imageType,
  visibility: (im) => im.visibility,
  owner: (im) => im.owner,
  status: (im) => im.status,
  name: (im) => im.name,
  id: (im) => im.id,
  __platform: (im) => im.platform,
  __os_type: (im) => im.osType,
  __os_bit: (im) => im.osBit,
  protected: (im) => String(im.protected),
  disk_format: (im) => im.diskFormat,
  os_distro: (im) => im.osDistro,
  os_version: (im) => im.osDistroVersion,
}

function visibleTo(r: RouteContext, im: Image): boolean {
  return (
    im.visibility === 'public' ||
    im.visibility === 'community' ||
    im.owner === r.project.id ||
    im.visibility === 'shared'
  )
}

function filterImages(r: RouteContext, images: readonly Image[]): Image[] {
  const wanted = Object.entries(FILTERS).flatMap(([k, get]) => {
    const v = r.q(k)
    return v === undefined ? [] : [[v, get] as const]
  })
  return images.filter((im) => visibleTo(r, im) && wanted.every(([v, get]) => get(im) === v))
}

/** Glance routes. */
export function imageRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()

  serve(app, shared, 'image.ListImages', async (r) => {
    const limit = r.limit(IMAGES)
    const { page, more } = markerPage(
      filterImages(r, shared.world.images),
      (im) => im.id,
      r.q('marker'),
      limit,
    )
    // Glance links are relative to the image endpoint and keep the request's filters.
    const rel = (params: Record<string, string>) => {
      const q = new URLSearchParams(r.url.search)
      q.delete('marker')
      for (const [k, v] of Object.entries(params)) q.set(k, v)
      return `/v2/images?${q.toString()}`
    }
    const last = page.at(-1)
    return {
      images: r.wireList(page, (im) => imageWire(im, shared.world.cloud)),
      schema: '/v2/schemas/images',
      first: rel({ limit: String(limit) }),
      ...(more && last ? { next: rel({ marker: last.id, limit: String(limit) }) } : {}),
    }
  })

  serve(app, shared, 'image.ShowImage', (r) => {
    const im = shared.index.imageById.get(r.params.image_id ?? '')
    if (!im || !visibleTo(r, im)) return r.fail(404, `No image found with ID ${r.params.image_id}`)
    return imageWire(im, shared.world.cloud)
  })

  return app
}
