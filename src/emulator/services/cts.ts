/**
 * Cloud Trace Service trackers through the v3 API under `/cts` (otc-api.md §8); not paged.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type Shared, serve } from '../_route.ts'
import type { Tracker } from '../world/model.ts'

function trackerWire(
  t: Tracker,
  domainId: string,
): WireInput<'cts.ListTrackers'>['trackers'][number] {
  return {
    id: t.id,
    tracker_name: t.name,
    tracker_type: 'system',
    status: t.status,
    ...(t.status === 'error' ? { detail: 'bucketPolicyError' } : {}),
    domain_id: domainId,
    project_id: t.projectId,
    create_time: t.createdAt,
    is_support_validate: t.validateFiles,
    obs_info: {
      bucket_name: t.bucket,
      file_prefix_name: '',
      is_obs_created: false,
      is_authorized_bucket: t.bucket !== '',
      bucket_lifecycle: t.bucket === '' ? 0 : 30,
      bucket_location: '',
      compress_type: 'gzip',
      is_sort_by_service: true,
    },
    lts: { is_lts_enabled: t.lts, log_group_name: 'CTS', log_topic_name: 'system-trace' },
  }
}

/** CTS routes. */
export function ctsRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world, index } = shared

  serve(app, shared, 'cts.ListTrackers', (r) => {
    const name = r.q('tracker_name')
    const type = r.q('tracker_type')
    return {
      trackers: index
        .inProject(world.trackers, r.project.id)
        .filter(
          (t) =>
            (name === undefined || t.name === name) && (type === undefined || type === 'system'),
        )
        .map((t) => trackerWire(t, world.domain.id)),
    }
  })

  return app
}
