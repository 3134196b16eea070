/**
 * CTS trackers (at most one management tracker, named `system`), in v3 or v1, whichever the
 * region serves.
 * @module
 */
import { callOne, listItems } from '../_operation.ts'
import { readVersioned } from '../core/api-versions.ts'
import { CloudApiError } from '../core/errors.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { TrackerV1Wire, TrackerWire } from './schemas.ts'

/** Filters of {@link listTrackers}, in wire names. */
export interface ListTrackersQuery {
  tracker_name?: string
  /** system or data. */
  tracker_type?: string
}

// GET /v3/{project_id}/trackers (CTS v3; unpaged)
/** Lists the trackers through v3; an empty list means CTS is not enabled. */
export function listTrackers(
  client: ServiceClient,
  query: ListTrackersQuery = {},
  signal?: AbortSignal,
): Promise<TrackerWire[]> {
  return listItems(client, OPS['cts.ListTrackers'], { query: { ...query }, signal })
}

/** CTS's code for "The tracker does not exist." (404; CTS API reference, error codes). */
export const TRACKER_NOT_FOUND = 'CTS.0214'

// GET /v1.0/{project_id}/tracker?tracker_name=system (CTS v1, "out-of-date"; one flat object)
/**
 * Reads the management tracker through v1; null when CTS answers that it does not exist (404
 * `CTS.0214`), i.e. CTS is not enabled. Any other 404 (the path is not served) is thrown.
 */
export async function showTrackerV1(
  client: ServiceClient,
  signal?: AbortSignal,
): Promise<TrackerV1Wire | null> {
  try {
    return await callOne(client, OPS['cts.ShowTrackerV1'], {
      query: { tracker_name: 'system' },
      signal,
    })
  } catch (err) {
    if (err instanceof CloudApiError && err.status === 404 && err.code === TRACKER_NOT_FOUND)
      return null
    throw err
  }
}

/** The trackers as the version that served them sent them. */
export type Trackers =
  | { readonly version: 'v3'; readonly trackers: TrackerWire[] }
  | { readonly version: 'v1'; readonly trackers: TrackerV1Wire[] }

/**
 * The versions of the tracker read, in order of preference: v3, which the OTC docs recommend
 * and which lists data trackers too; v1 ("out-of-date APIs", still documented in every region)
 * where v3 is not served. OTC's catalog names only `cts` (v1.0) and `ctsv2` even where v3 is
 * served (otc-api.md §1.4, §8), so it cannot decide the order.
 */
export const CTS_TRACKER_VERSIONS = ['v3', 'v1'] as const

/**
 * Reads the trackers with the first version the region serves (a 404 on v3 falls back to v1;
 * the version that worked is remembered for the client).
 */
export async function readTrackers(client: ServiceClient, signal?: AbortSignal): Promise<Trackers> {
  const read = {
    v3: async (): Promise<Trackers> => ({
      version: 'v3',
      trackers: await listTrackers(client, {}, signal),
    }),
    v1: async (): Promise<Trackers> => {
      const t = await showTrackerV1(client, signal)
      return { version: 'v1', trackers: t ? [t] : [] }
    },
  }
  const r = await readVersioned(
    client,
    CTS_TRACKER_VERSIONS.map((version) => ({ version, read: read[version] })),
  )
  return r.value
}
