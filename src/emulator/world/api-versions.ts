/**
 * Which API versions a region serves, for the reads a cloud offers in several versions
 * (otc-api-platform.md §10): Cloud Eye alarm rules (v1 `/V1.0`, v2), CTS trackers (v1 `/v1.0`,
 * v3), EVS/Cinder (v2, v3) and Nova (v2.1, the legacy v2; otc-api.md §2.1). A world sets them for all regions (`apiVersions`) and per region
 * (`regions.<region>.apiVersions`); the emulator answers a version a region does not serve with
 * the gateway's 404 and leaves it out of that region's catalog.
 * @module
 */

/** Every version each versioned service can serve. */
export const SERVICE_VERSIONS = {
  compute: ['v2', 'v2.1'],
  ces: ['v1', 'v2'],
  cts: ['v1', 'v3'],
  volume: ['v2', 'v3'],
  // ELB: v3 (OTC dedicated), v2.0 (`/v2.0/lbaas`: OTC shared, older Octavia), v2 (Octavia).
  elb: ['v2', 'v2.0', 'v3'],
} as const

/** A service read in several API versions. */
export type VersionedService = keyof typeof SERVICE_VERSIONS

/** A version of one service, e.g. `ApiVersionOf<'ces'>` is `v1 | v2`. */
export type ApiVersionOf<S extends VersionedService> = (typeof SERVICE_VERSIONS)[S][number]

/** The versions a region serves, per service. */
export type ServedVersions = { readonly [S in VersionedService]: readonly ApiVersionOf<S>[] }

/** A world's setting: the default for every region and what single regions change. */
export interface ApiVersionsConfig {
  readonly default: ServedVersions
  readonly regions: Readonly<Record<string, Partial<ServedVersions>>>
}

/**
 * What a cloud serves when the world says nothing: OTC every version; a plain OpenStack (Zed)
 * both Nova versions but only Cinder v3 (v2 was removed in Xena; Cloud Eye and CTS are not
 * there at all).
 */
export function defaultVersions(cloud: 'otc' | 'openstack'): ServedVersions {
  const all = { compute: ['v2', 'v2.1'], ces: ['v1', 'v2'], cts: ['v1', 'v3'] } as const
  return cloud === 'otc'
    ? { ...all, volume: ['v2', 'v3'], elb: ['v2.0', 'v3'] }
    : { ...all, volume: ['v3'], elb: ['v2', 'v2.0'] }
}

/** Whether `service` is one of the versioned services. */
export function isVersionedService(service: string): service is VersionedService {
  return Object.hasOwn(SERVICE_VERSIONS, service)
}

/** The versions `region` serves. */
export function servedVersions(config: ApiVersionsConfig, region: string): ServedVersions {
  return { ...config.default, ...config.regions[region] }
}

/** Whether `region` serves `version` of `service` (services not versioned: always). */
export function serves(
  config: ApiVersionsConfig,
  region: string,
  service: string,
  version: string,
): boolean {
  if (!isVersionedService(service)) return true
  return (servedVersions(config, region)[service] as readonly string[]).includes(version)
}
