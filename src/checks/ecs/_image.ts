/**
 * Finds what a server was started from: its image (by id, or the id on its system disk for
 * servers booted from a volume) and the strings that name the OS, best source first.
 * @module
 */

import { parseImageLineage } from '../../inventory/image-lineage.ts'
import type { InventoryView } from '../../inventory/inventory.ts'
import type { EcsServer, ImsImage } from '../../inventory/types.ts'
import { detectOs, namesWindows, type OsHints } from '../../lifecycle/detect-os.ts'
import type { OsId } from '../../lifecycle/os-eol.ts'
import {
  type CheckContext,
  type Evidence,
  error,
  fail,
  label,
  manual,
  pass,
  type Verdict,
} from '../define.ts'
import { guardRequires } from '../run.ts'

/**
 * For a server booted from a volume (no image id): an `error` naming `evs.volume` when volumes
 * were not read completely, since its image is named only on its boot volume. Null otherwise:
 * servers booted from an image never need the volumes, so the image checks do not list
 * `evs.volume` in `requires`.
 */
export function bootVolumeUnread(
  checkId: string,
  server: EcsServer,
  ctx: CheckContext,
): Verdict | null {
  if (server.imageId !== null) return null
  if (ctx.inventory.status('evs.volume') === 'unavailable')
    return error(
      `cannot evaluate ${checkId} on ${label(server)}: it boots from a volume, and this cloud offers no volume service (evs.volume unavailable) to name its image`,
      ['evs.volume'],
    )
  const guard = guardRequires({ id: checkId, requires: ['evs.volume'] }, server.region, ctx)
  return guard && error(`${guard.message} (${label(server)} boots from a volume)`, ['evs.volume'])
}

/** A server's image as far as the inventory knows it. */
export interface ServerImage {
  /** The image id the server or its system disk names; null if none does. */
  imageId: string | null
  /** The image, if it is still listed. */
  image: ImsImage | null
  /** OS hints: the image's, else the system disk's, else the server's `image_name`. */
  hints: OsHints
  /** Where the hints came from. */
  source: 'image' | 'system-disk' | 'server-metadata' | 'none'
}

/** Each image's OS hints, made once (frozen): the servers of one image share them. */
const IMAGE_HINTS = new WeakMap<ImsImage, OsHints>()

function imageHints(image: ImsImage): OsHints {
  let hints = IMAGE_HINTS.get(image)
  if (!hints) {
    hints = Object.freeze({
      osVersion: image.osVersion,
      platform: image.platform,
      osDistro: image.osDistro,
      osDistroVersion: image.osDistroVersion,
      name: image.name,
    })
    IMAGE_HINTS.set(image, hints)
  }
  return hints
}

/**
 * Resolves the image of `server`. The system disk is looked at only when the server names no
 * listed image (booted from a volume, or its image is gone).
 */
export function serverImage(server: EcsServer, inv: InventoryView): ServerImage {
  const listed = server.imageId ? (inv.byId('ims.image', server.imageId) ?? null) : null
  if (listed)
    return { imageId: server.imageId, image: listed, hints: imageHints(listed), source: 'image' }
  const disk = server.volumeIds
    .map((id) => inv.byId('evs.volume', id))
    .find((v) => v?.bootable && v.imageMetadata)?.imageMetadata
  const imageId = server.imageId ?? disk?.imageId ?? null
  const image = imageId ? (inv.byId('ims.image', imageId) ?? null) : null
  if (image) return { imageId, image, hints: imageHints(image), source: 'image' }
  if (disk?.osVersion || disk?.osDistro || disk?.imageName)
    return {
      imageId,
      image,
      hints: {
        osVersion: disk.osVersion,
        platform: disk.platform,
        osDistro: disk.osDistro,
        osDistroVersion: disk.osDistroVersion,
        name: disk.imageName,
      },
      source: 'system-disk',
    }
  if (server.imageName)
    return { imageId, image, hints: { name: server.imageName }, source: 'server-metadata' }
  return { imageId, image, hints: {}, source: 'none' }
}

/**
 * `fn(hints)`, remembered for the shared (frozen) hints of an image: the OS of 10,000 servers is
 * then read from ~100 images once each, not once per server and check.
 */
function perImage<T>(fn: (hints: OsHints) => T): (hints: OsHints) => T {
  const memo = new WeakMap<OsHints, { value: T }>()
  return (hints) => {
    if (!Object.isFrozen(hints)) return fn(hints)
    let m = memo.get(hints)
    if (!m) {
      m = { value: fn(hints) }
      memo.set(hints, m)
    }
    return m.value
  }
}

/** The OS the hints name (`detectOs`; frozen, as it may be shared). */
export const osOfHints: (hints: OsHints) => Readonly<OsId> | null = perImage((hints) => {
  const os = detectOs(hints)
  return os && Object.freeze(os)
})

/** Whether the hints name Windows (`namesWindows`). */
export const windowsOfHints: (hints: OsHints) => boolean = perImage(namesWindows)

/** The current image of a lineage family: its `_latest`, else its newest build. */
export function currentOfLineage(family: string, inv: InventoryView): ImsImage | undefined {
  const images = inv.all('ims.image')
  // Once per image list and family, not per server (it was O(servers × images)).
  let byFamily = CURRENT.get(images)
  if (!byFamily) {
    byFamily = new Map()
    CURRENT.set(images, byFamily)
  }
  if (byFamily.has(family)) return byFamily.get(family)
  const members = images.filter((i) => i.lineage?.family === family)
  const byAge = [...members].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  const current = members.find((i) => i.lineage?.isLatest) ?? byAge[0]
  byFamily.set(family, current)
  return current
}

const CURRENT = new WeakMap<readonly ImsImage[], Map<string, ImsImage | undefined>>()

/** The newer image of a public image's lineage that supersedes it, if any. */
export function supersededBy(image: ImsImage, inv: InventoryView): ImsImage | undefined {
  if (image.imageType !== 'gold' || !image.lineage) return undefined
  const current = currentOfLineage(image.lineage.family, inv)
  if (!current || current.id === image.id) return undefined
  return (current.createdAt ?? '') > (image.createdAt ?? '') ? current : undefined
}

/**
 * For a server whose image is no longer listed (public images are hidden once superseded): the
 * current image of the lineage its recorded image name belongs to, if any.
 */
export function replacementOf(si: ServerImage, inv: InventoryView): ImsImage | undefined {
  const lineage = parseImageLineage(si.hints.name)
  const current = lineage ? currentOfLineage(lineage.family, inv) : undefined
  return current && current.id !== si.imageId ? current : undefined
}

/** A verdict about a server's image, without the server: its status, the message after the name. */
export interface ImageVerdict {
  readonly status: 'pass' | 'fail' | 'manual'
  /** The message after the server's label (`: cannot tell …`, ` runs …`). */
  readonly tail: string
  /** Frozen: the findings of every server of the image share it. */
  readonly evidence?: Evidence
}

interface Remembered {
  readonly inventory: InventoryView
  readonly now: number
  readonly setting: unknown
  readonly verdict: ImageVerdict
}

/** Where a check remembers its {@link ImageVerdict} per image. */
export type ImageVerdicts = WeakMap<ImsImage, Remembered>

/**
 * `make()` for a listed image, remembered while the inventory (view), the time and the one
 * setting it depends on stay the same: the verdicts of 10,000 servers are then made from ~100
 * images once each (the OS lookup, the lifecycle dates, the message and evidence).
 */
export function perImageVerdict(
  memo: ImageVerdicts,
  image: ImsImage,
  ctx: CheckContext,
  setting: unknown,
  make: () => ImageVerdict,
): ImageVerdict {
  const now = ctx.now.getTime()
  const m = memo.get(image)
  if (m && m.inventory === ctx.inventory && m.now === now && m.setting === setting) return m.verdict
  const made = make()
  const verdict = Object.freeze({
    ...made,
    ...(made.evidence ? { evidence: Object.freeze(made.evidence) } : {}),
  })
  memo.set(image, { inventory: ctx.inventory, now, setting, verdict })
  return verdict
}

/** The verdict on the server labelled `name`. */
export function imageVerdict(name: string, v: ImageVerdict): Verdict {
  const message = name + v.tail
  if (v.status === 'fail') return fail(message, v.evidence ?? {})
  return v.status === 'pass' ? pass(message, v.evidence) : manual(message, v.evidence)
}
