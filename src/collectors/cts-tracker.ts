/**
 * CTS trackers. An empty (complete) list means CTS is not enabled in the project.
 * @module
 */
import type { TrackerWire } from '../clients/cts/schemas.ts'
import { listTrackers } from '../clients/cts/trackers.ts'
import type { CtsTracker } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'

/** Maps a tracker; its name is `tracker_name` (`system` for the management tracker). */
export function toCtsTracker(w: TrackerWire, ctx: MapContext): CtsTracker {
  return {
    type: 'cts.tracker',
    id: w.id,
    name: w.tracker_name,
    region: ctx.region,
    projectId: ctx.projectId,
    raw: w,
    trackerType: w.tracker_type,
    status: w.status,
  }
}

/** Collects `cts.tracker` (GET /v3/{project_id}/trackers). */
export const ctsTrackerCollector = defineCollector({
  type: 'cts.tracker',
  service: 'cts',
  services: ['cts'],
  async collect(ctx) {
    const trackers = await listTrackers(await ctx.client('cts'), {}, ctx.signal)
    return { resources: trackers.map((w) => toCtsTracker(w, ctx)) }
  },
})
