/**
 * Cloud Eye alarm rules (API v2; see `schemas.ts` for why not v1).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { AlarmWire } from './schemas.ts'

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
/** Lists every alarm rule of the project. */
export function listAlarms(
  client: ServiceClient,
  query: ListAlarmsQuery = {},
  signal?: AbortSignal,
): Promise<AlarmWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['ces.ListAlarms'], { query: filters, limit, signal })
}
