/**
 * Cloud Eye alarm rules, in v2 or v1 (`schemas.ts`), whichever the region serves.
 * @module
 */
import { listItems } from '../_operation.ts'
import { readVersioned } from '../core/api-versions.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { AlarmV1Wire, AlarmWire } from './schemas.ts'

/** Filters of {@link listAlarms}, in wire names. */
export interface ListAlarmsQuery {
  alarm_id?: string
  name?: string
  /** e.g. `SYS.ECS`. */
  namespace?: string
  resource_id?: string
  enterprise_project_id?: string
  /** Page size (default: 100, the CES maximum). */
  limit?: number
}

// GET /v2/{project_id}/alarms (CES v2; offset + limit <= 100, total in count)
/** Lists every alarm rule of the project through v2. */
export function listAlarms(
  client: ServiceClient,
  query: ListAlarmsQuery = {},
  signal?: AbortSignal,
): Promise<AlarmWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['ces.ListAlarms'], { query: filters, limit, signal })
}

// GET /V1.0/{project_id}/alarms (CES v1; start + limit <= 100, next start in meta_data.marker)
/** Lists every alarm rule of the project through v1 (`limit`: page size, default 100). */
export function listAlarmsV1(
  client: ServiceClient,
  query: { limit?: number } = {},
  signal?: AbortSignal,
): Promise<AlarmV1Wire[]> {
  return listItems(client, OPS['ces.ListAlarmsV1'], { limit: query.limit, signal })
}

/** The alarm rules as the version that served them sent them. */
export type AlarmRules =
  | { readonly version: 'v2'; readonly alarms: AlarmWire[] }
  | { readonly version: 'v1'; readonly alarms: AlarmV1Wire[] }

/**
 * The versions of the alarm rule read, in order of preference. v2 first: the OTC docs mark it
 * "recommended" and only v2 tells a rule's `type` (ALL_INSTANCE: every resource of the
 * namespace). v1 where a region has no v2 (the Swiss reference documents v1 only,
 * otc-api-platform.md §10). The catalog cannot decide it: OTC's lists Cloud Eye only as
 * `cesv1`/`ces` at `/V1.0` even where v2 is served (otc-api.md §1.4, §7).
 */
export const CES_ALARM_VERSIONS = ['v2', 'v1'] as const

/**
 * Lists every alarm rule with the first version the region serves (a 404 on v2 falls back to
 * v1; the version that worked is remembered for the client).
 * @throws {CloudApiError} as the first version answered when it failed otherwise than "absent"
 */
export async function readAlarms(
  client: ServiceClient,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<AlarmRules> {
  const read = {
    v2: async (): Promise<AlarmRules> => ({
      version: 'v2',
      alarms: await listAlarms(client, { limit: opts.limit }, opts.signal),
    }),
    v1: async (): Promise<AlarmRules> => ({
      version: 'v1',
      alarms: await listAlarmsV1(client, { limit: opts.limit }, opts.signal),
    }),
  }
  const r = await readVersioned(
    client,
    CES_ALARM_VERSIONS.map((version) => ({ version, read: read[version] })),
  )
  return r.value
}
