/**
 * ECS servers from Nova `servers/detail`. Links to ports, security groups, EIPs and volumes are
 * completed by the Inventory from the other side (ports' `device_id`, EIPs' `port_id`, volume
 * attachments); this collector only adds what the server itself states.
 * @module
 */
import type { ServerWire } from '../clients/compute/schemas.ts'
import { readServersDetail } from '../clients/compute/servers.ts'
import { tagField } from '../inventory/tags.ts'
import type { EcsServer } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { isoTime, text, unique } from './_map.ts'

/**
 * Maps a Nova server. `image` is `""` for servers booted from a volume: `imageId` is then null
 * and the system disk's `volume_image_metadata` names the image. Port ids, floating addresses,
 * security group ids and volume ids are taken where the server states them (addresses with a
 * port id, groups with an id, `volumes_attached`); the Inventory adds the rest.
 */
export function toEcsServer(w: ServerWire, ctx: MapContext): EcsServer {
  const addresses = Object.values(w.addresses).flat()
  return {
    type: 'ecs.server',
    id: w.id,
    name: w.name,
    region: ctx.region,
    projectId: ctx.projectId,
    ...tagField(w.tags),
    status: w.status,
    createdAt: isoTime(w.created),
    imageId: w.image === '' ? null : text(w.image.id),
    imageName: text(w.metadata.image_name),
    osType: text(w.metadata.os_type),
    flavor: w.flavor.id ?? w.flavor.original_name ?? '',
    portIds: unique(addresses.flatMap((a) => a['OS-EXT-IPS:port_id'] ?? [])),
    securityGroupIds: unique((w.security_groups ?? []).flatMap((g) => g.id ?? [])),
    publicIps: unique(
      addresses.filter((a) => a['OS-EXT-IPS:type'] === 'floating').map((a) => a.addr),
    ),
    volumeIds: unique((w['os-extended-volumes:volumes_attached'] ?? []).map((v) => v.id)),
    keyName: text(w.key_name),
    cbrVaultIds: [],
    alarmIds: [],
  }
}

/** Collects `ecs.server` (GET /v2.1/{project_id}/servers/detail, else /v2/...). */
export const ecsServerCollector = defineCollector({
  type: 'ecs.server',
  service: 'compute',
  services: ['compute'],
  async collect(ctx) {
    // Mapped as each server is validated: only the resource outlives its page.
    const read = await readServersDetail(await ctx.client('compute'), {}, ctx.signal, (w) =>
      toEcsServer(w, ctx),
    )
    return { resources: read.value, apiVersion: read.version }
  },
})
