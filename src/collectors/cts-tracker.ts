/**
 * CTS trackers, from v3 or v1 (whichever the region serves) into the same `cts.tracker`. An
 * empty (complete) list means CTS is not enabled in the project.
 * @module
 */
import type { TrackerV1Wire, TrackerWire } from '../clients/cts/schemas.ts'
import { readTrackers } from '../clients/cts/trackers.ts'
import type { CtsTracker } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'

/** The tracker as the inventory holds it, whichever API version read it. */
function tracker(
  w: { id: string; tracker_name: string; status: string },
  trackerType: string,
  ctx: MapContext,
): CtsTracker {
  return {
    type: 'cts.tracker',
    id: w.id,
    name: w.tracker_name,
    region: ctx.region,
    projectId: ctx.projectId,
    trackerType,
    status: w.status,
  }
}

/** Maps a tracker; its name is `tracker_name` (`system` for the management tracker). */
export function toCtsTracker(w: TrackerWire, ctx: MapContext): CtsTracker {
  return tracker(w, w.tracker_type, ctx)
}

/**
 * Maps the v1 tracker into the same shape as {@link toCtsTracker}. v1 knows only the management
 * tracker (named `system`), so a body without `tracker_type` is that one.
 */
export function toCtsTrackerV1(w: TrackerV1Wire, ctx: MapContext): CtsTracker {
  return tracker(w, w.tracker_type ?? 'system', ctx)
}

/** Collects `cts.tracker` (GET /v3/{project_id}/trackers, else GET /v1.0/{project_id}/tracker). */
export const ctsTrackerCollector = defineCollector({
  type: 'cts.tracker',
  service: 'cts',
  services: ['cts'],
  async collect(ctx) {
    const read = await readTrackers(await ctx.client('cts'), ctx.signal)
    const resources =
      read.version === 'v3'
        ? read.trackers.map((w) => toCtsTracker(w, ctx))
        : read.trackers.map((w) => toCtsTrackerV1(w, ctx))
    return { resources, apiVersion: read.version }
  },
})
