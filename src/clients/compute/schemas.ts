/**
 * Wire shapes of the Nova (ECS native OpenStack) API as OTC returns them: servers detail, key
 * pairs, flavors. Field names are the API's own; normalisation happens in collectors.
 * @module
 */
import { z } from 'zod'

/** A `{ href, rel }` link (Nova `*_links` arrays, `links` on items). */
export const LinkWire = z.object({ href: z.string(), rel: z.string() })
export type LinkWire = z.output<typeof LinkWire>

/** One IP of a server, in `addresses[<network or vpc id>][]` (ECS Nova "Listing ECS Details"). */
export const ServerAddressWire = z.object({
  addr: z.string(),
  /** A number in Nova, a string (`"4"`) in the ECS v1 API. */
  version: z.union([z.number(), z.string()]),
  /** `fixed` or `floating` (an EIP). */
  'OS-EXT-IPS:type': z.string().optional(),
  'OS-EXT-IPS-MAC:mac_addr': z.string().optional(),
  'OS-EXT-IPS:port_id': z.string().optional(),
})
export type ServerAddressWire = z.output<typeof ServerAddressWire>

/** A volume attached to a server (`os-extended-volumes:volumes_attached[]`). */
export const ServerVolumeAttachedWire = z.object({
  id: z.string(),
  /** Boolean in Nova, `"false"` string in ECS v1. */
  delete_on_termination: z.union([z.boolean(), z.string()]).optional(),
})

/** One server of GET /v2.1/{project_id}/servers/detail (ECS "Listing ECS Details", Nova). */
export const ServerWire = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  created: z.string(),
  updated: z.string().optional(),
  tenant_id: z.string(),
  user_id: z.string().optional(),
  /** Absent or null when the server uses password login. */
  key_name: z.string().nullish(),
  /** `""` for volume-booted servers (typical on OTC), else `{ id, links }`. */
  image: z.union([
    z.literal(''),
    z.object({ id: z.string(), links: z.array(LinkWire).optional() }),
  ]),
  /** `{ id, links }` before microversion 2.47, embedded (`original_name`, `vcpus`, ...) after. */
  flavor: z.object({
    id: z.string().optional(),
    original_name: z.string().optional(),
    vcpus: z.number().optional(),
    ram: z.number().optional(),
    disk: z.number().optional(),
    extra_specs: z.record(z.string(), z.string()).optional(),
    links: z.array(LinkWire).optional(),
  }),
  addresses: z.record(z.string(), z.array(ServerAddressWire)),
  /** Only `name` in Nova; absent when the server has no ports. */
  security_groups: z.array(z.object({ name: z.string(), id: z.string().optional() })).optional(),
  metadata: z.record(z.string(), z.string()),
  'OS-EXT-AZ:availability_zone': z.string().optional(),
  'OS-EXT-STS:vm_state': z.string().optional(),
  'OS-EXT-STS:power_state': z.number().optional(),
  'os-extended-volumes:volumes_attached': z.array(ServerVolumeAttachedWire).optional(),
  /** Only with microversion >= 2.26. */
  tags: z.array(z.string()).optional(),
  /** Only with microversion >= 2.19. */
  description: z.string().nullish(),
  locked: z.boolean().optional(),
  links: z.array(LinkWire).optional(),
})
export type ServerWire = z.output<typeof ServerWire>

/** GET /v2.1/{project_id}/servers/detail (ECS "Listing ECS Details", Nova; pages via servers_links). */
export const ListServersDetailResponse = z.object({
  servers: z.array(ServerWire),
  servers_links: z.array(LinkWire).optional(),
})
export type ListServersDetailResponse = z.output<typeof ListServersDetailResponse>

/** A key pair as listed (ECS "Listing SSH Key Pairs"); detail adds `created_at`, `user_id`, `id`. */
export const KeypairWire = z.object({
  name: z.string(),
  /** `ssh` or `x509`; only with microversion >= 2.2. */
  type: z.string().optional(),
  fingerprint: z.string(),
  public_key: z.string(),
  created_at: z.string().optional(),
  user_id: z.string().optional(),
  id: z.union([z.number(), z.string()]).optional(),
  deleted: z.boolean().optional(),
})
export type KeypairWire = z.output<typeof KeypairWire>

/** GET /v2.1/{project_id}/os-keypairs (ECS "Listing SSH Key Pairs"; note `keypairs[].keypair`). */
export const ListKeypairsResponse = z.object({
  keypairs: z.array(z.object({ keypair: KeypairWire })),
  /** Newer microversions (>= 2.35) page with `limit`/`marker` and these links. */
  keypairs_links: z.array(LinkWire).optional(),
})
export type ListKeypairsResponse = z.output<typeof ListKeypairsResponse>

/** GET /v2.1/{project_id}/os-keypairs/{keypair_name} (ECS "Querying a Specified SSH Key Pair"). */
export const ShowKeypairResponse = z.object({ keypair: KeypairWire })
export type ShowKeypairResponse = z.output<typeof ShowKeypairResponse>

/** One flavor of GET /v2.1/{project_id}/flavors/detail (Nova "List Flavors With Details"). */
export const FlavorWire = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: z.number(),
  ram: z.number(),
  disk: z.number(),
  /** Nova returns `""` when there is no swap. */
  swap: z.union([z.number(), z.string()]).optional(),
  'OS-FLV-EXT-DATA:ephemeral': z.number().optional(),
  'OS-FLV-DISABLED:disabled': z.boolean().optional(),
  'os-flavor-access:is_public': z.boolean().optional(),
  rxtx_factor: z.number().optional(),
  description: z.string().nullish(),
  extra_specs: z.record(z.string(), z.string()).optional(),
  /** OTC adds its own specs (`ecs:performancetype`, `cond:operation:status`, ...). */
  os_extra_specs: z.record(z.string(), z.string()).optional(),
  links: z.array(LinkWire).optional(),
})
export type FlavorWire = z.output<typeof FlavorWire>

/** GET /v2.1/{project_id}/flavors/detail (Nova "List Flavors With Details"; pages via flavors_links). */
export const ListFlavorsDetailResponse = z.object({
  flavors: z.array(FlavorWire),
  flavors_links: z.array(LinkWire).optional(),
})
export type ListFlavorsDetailResponse = z.output<typeof ListFlavorsDetailResponse>
