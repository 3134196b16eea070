/**
 * Regional services a region may lack. OTC's endpoint tables do not list every service in every
 * region (CTS in eu-nl, CTS/DCS in eu-ch2; otc-api-platform.md §12 item 8); a world says so per
 * region (`regions.<region>.missingServices`). A missing service is left out of the catalog of
 * that region's projects and its routes answer as an unpublished API (the gateway's 404).
 * Keystone and IAM are global and never missing.
 * @module
 */

/** The services a region can lack: every service but the global `identity` and `iam`. */
export const REGIONAL_SERVICES = [
  'compute',
  'image',
  'network',
  'volume',
  'cbr',
  'ces',
  'cts',
  'rds',
  'obs',
  'kms',
  'dcs',
  'vpc',
  'elb',
  'cce',
] as const

/** A service served per region. */
export type RegionalService = (typeof REGIONAL_SERVICES)[number]

/** The services each region lacks, by region name (regions not named lack none). */
export type MissingServices = Readonly<Record<string, readonly RegionalService[]>>

/** Whether `region` lacks `service` (global services are never missing). */
export function isMissing(missing: MissingServices, region: string, service: string): boolean {
  return (missing[region] as readonly string[] | undefined)?.includes(service) ?? false
}
