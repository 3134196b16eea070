/**
 * EVS through the Cinder API under `/volume` (otc-api.md §5): volumes and volume backups with
 * details at `/v2/` and `/v3/` (the world's `apiVersions` switch each off; a plain OpenStack
 * serves only v3), paged by `limit` + `marker` with `<res>_links`. Encryption shows in
 * `metadata.__system__encrypted`, as on OTC.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import type { WorldIndex } from '../_index.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, markerPage, nextLinks } from '../paging.ts'
import { uuidFor } from '../world/ids.ts'
import type { Volume, VolumeBackup } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const CINDER: LimitRule = { defaultLimit: 1000, max: 1000, overMax: 'clamp' }

/** The image's properties Cinder copies onto a volume made from it (`volume_image_metadata`). */
function imageMetadata(index: WorldIndex, v: Volume): Record<string, string> | undefined {
  const im = v.imageId === null ? undefined : index.imageById.get(v.imageId)
  if (!im) return undefined
  // Built key by key (no spread, entries and filter per volume); properties without a value
  // (null) are left out.
  const out: Record<string, string> = {}
  const put = (key: string, value: string | null) => {
    if (value !== null) out[key] = value
  }
  put('image_id', im.id)
  put('image_name', im.name)
  put('os_distro', im.osDistro)
  put('os_version', im.osDistroVersion)
  if (index.world.cloud === 'otc') {
    put('__os_version', im.osVersion)
    put('__platform', im.platform)
    put('__os_type', im.osType)
    put('__os_bit', im.osBit)
    put('__imagetype', im.imageType)
  }
  return out
}

const attachmentIds = new WeakMap<Volume, { volumeId: string; serverId: string; id: string }>()

/**
 * The id of a volume's attachment (a hash of volume and server), remembered per volume: it is
 * asked for on every page of volumes. Recomputed when the volume's id or server changed.
 */
function attachmentId(v: Volume, serverId: string): string {
  const hit = attachmentIds.get(v)
  if (hit && hit.volumeId === v.id && hit.serverId === serverId) return hit.id
  const id = uuidFor('attachment', v.id, serverId)
  attachmentIds.set(v, { volumeId: v.id, serverId, id })
  return id
}

/**
 * A volume as Cinder's volumes/detail shows it. On OTC, encryption shows in
 * `metadata.__system__encrypted` and Cinder's own flag stays false; a plain Cinder (encrypted
 * volume type, e.g. LUKS) sets `encrypted` and has no `__system__` metadata.
 */
export function volumeWire(
  index: WorldIndex,
  v: Volume,
): WireInput<'volume.ListVolumesDetail'>['volumes'][number] {
  const plain = index.world.cloud === 'openstack'
  const a = v.attachment
  return {
    id: v.id,
    name: v.name,
    status: v.status,
    size: v.size,
    volume_type: v.type,
    bootable: v.bootable ? 'true' : 'false',
    encrypted: plain ? v.encrypted : false,
    multiattach: v.multiattach,
    availability_zone: v.az,
    created_at: fmt.isoMicros(v.createdAt),
    updated_at: fmt.isoMicros(v.createdAt),
    description: '',
    snapshot_id: null,
    source_volid: null,
    'os-vol-tenant-attr:tenant_id': v.projectId,
    attachments: a
      ? [
          {
            server_id: a.serverId,
            attachment_id: attachmentId(v, a.serverId),
            attached_at: fmt.isoMicros(a.attachedAt),
            host_name: null,
            volume_id: v.id,
            device: a.device,
            id: v.id,
          },
        ]
      : [],
    metadata: plain
      ? { ...v.metadata }
      : {
          ...v.metadata,
          ...(v.encrypted ? { __system__encrypted: '1', __system__cmkid: v.kmsKeyId ?? '' } : {}),
          'hw:passthrough': 'false',
        },
    volume_image_metadata: imageMetadata(index, v),
    ...(plain ? {} : { tags: v.tags, service_type: 'EVS' }),
  }
}

function backupWire(
  r: RouteContext,
  b: VolumeBackup,
  version: string,
): WireInput<'volume.ListBackupsDetail'>['backups'][number] {
  return {
    id: b.id,
    name: b.name,
    status: b.status,
    size: b.size,
    volume_id: b.volumeId,
    snapshot_id: null,
    availability_zone: b.az,
    container: b.volumeId,
    description: '',
    fail_reason: null,
    created_at: fmt.isoMicros(b.createdAt),
    updated_at: fmt.isoMicros(b.createdAt),
    data_timestamp: fmt.isoMicros(b.createdAt),
    is_incremental: false,
    has_dependent_backups: false,
    object_count: 0,
    'os-bak-tenant-attr:tenant_id': b.projectId,
    links: [{ rel: 'self', href: `${r.origin}/volume/${version}/${b.projectId}/backups/${b.id}` }],
  }
}

const matches = (want: string | undefined, value: string) => want === undefined || want === value

/** Lists volumes (both versions: the same body). */
async function listVolumes(shared: Shared, r: RouteContext) {
  const { world, index } = shared
  const limit = r.limit(CINDER)
  const [name, status, az] = [r.q('name'), r.q('status'), r.q('availability_zone')]
  const all = index.inRegion(world.volumes, r.project.id, r.region)
  // Unfiltered, the list is the same array on every page (markerPage remembers its positions).
  const items =
    name === undefined && status === undefined && az === undefined
      ? all
      : all.filter((v) => matches(name, v.name) && matches(status, v.status) && matches(az, v.az))
  const { page, more } = markerPage(items, (v) => v.id, r.q('marker'), limit)
  return {
    volumes: r.wireList(page, (v) => volumeWire(index, v)),
    volumes_links: nextLinks(r.url, more, limit, page.at(-1)?.id),
  }
}

/** Lists volume backups (both versions: the same body). */
async function listBackups(shared: Shared, r: RouteContext, version: string) {
  const { world, index } = shared
  const limit = r.limit(CINDER)
  const [volumeId, status] = [r.q('volume_id'), r.q('status')]
  const all = index.inRegion(world.volumeBackups, r.project.id, r.region)
  const items =
    volumeId === undefined && status === undefined
      ? all
      : all.filter((b) => matches(volumeId, b.volumeId) && matches(status, b.status))
  const { page, more } = markerPage(items, (b) => b.id, r.q('marker'), limit)
  return {
    backups: r.wireList(page, (b) => backupWire(r, b, version)),
    backups_links: nextLinks(r.url, more, limit, page.at(-1)?.id),
  }
}

/** Cinder routes. */
export function volumeRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  serve(app, shared, 'volume.ListVolumesDetail', (r) => listVolumes(shared, r))
  serve(app, shared, 'volume.ListVolumesDetailV2', (r) => listVolumes(shared, r))
  serve(app, shared, 'volume.ListBackupsDetail', (r) => listBackups(shared, r, 'v3'))
  serve(app, shared, 'volume.ListBackupsDetailV2', (r) => listBackups(shared, r, 'v2'))
  return app
}
