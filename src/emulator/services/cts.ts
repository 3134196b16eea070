/**
 * Cloud Trace Service trackers under `/cts`, in both API versions a region may serve (the
 * world's `apiVersions` switch each off): v3 (otc-api.md §8; a list, not paged) and v1
 * ("out-of-date APIs"; the management tracker as one flat object, otc-api-platform.md §10).
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type Shared, serve } from '../_route.ts'
import { jsonResponse } from '../errors.ts'
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

/** The v1 body: OBS settings at the top level, file verification as the doc's example nests it. */
function trackerV1(t: Tracker, domainId: string): WireInput<'cts.ShowTrackerV1'> {
  return {
    id: t.id,
    create_time: t.createdAt,
    domain_id: domainId,
    project_id: t.projectId,
    tracker_name: t.name,
    tracker_type: 'system',
    bucket_name: t.bucket,
    file_prefix_name: '',
    status: t.status,
    ...(t.status === 'error' ? { detail: 'bucketPolicyError' } : {}),
    is_obs_created: false,
    is_support_trace_files_encryption: false,
    lts: { is_lts_enabled: t.lts, log_group_name: 'CTS', log_topic_name: 'system-trace' },
    log_file_validate: { is_support_validate: t.validateFiles },
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

  // v1 requires tracker_name (only `system` exists); no tracker is CTS's 404 "The tracker does
  // not exist." (CTS.0214 in the CTS error code table; [inferred] that v1 answers it here).
  serve(app, shared, 'cts.ShowTrackerV1', (r) => {
    const name = r.q('tracker_name')
    if (name === undefined || name === '')
      return r.fail(400, 'The message body is empty or invalid: tracker_name is required.')
    const t = index.inProject(world.trackers, r.project.id).find((x) => x.name === name)
    if (t) return trackerV1(t, world.domain.id)
    return jsonResponse(404, {
      error_code: 'CTS.0214',
      error_msg: 'The tracker does not exist.',
      request_id: r.c.get('requestId'),
    })
  })

  return app
}
