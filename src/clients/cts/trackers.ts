/**
 * CTS trackers (at most one management tracker, named `system`).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { TrackerWire } from './schemas.ts'

/** Filters of {@link listTrackers}, in wire names. */
export interface ListTrackersQuery {
  tracker_name?: string
  /** system or data. */
  tracker_type?: string
}

// GET /v3/{project_id}/trackers (CTS v3; unpaged)
/** Lists the trackers; an empty list means CTS is not enabled. */
export function listTrackers(
  client: ServiceClient,
  query: ListTrackersQuery = {},
  signal?: AbortSignal,
): Promise<TrackerWire[]> {
  return listItems(client, OPS['cts.ListTrackers'], { query: { ...query }, signal })
}
