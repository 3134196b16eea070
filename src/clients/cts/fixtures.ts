/**
 * Canonical CTS v3 samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { makeBuilder } from '../testing/fixture-ids.ts'
import { TrackerWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §8 GET /v3/{project_id}/trackers. */
export const ctsTrackersSample = {
  trackers: [
    {
      id: 'ebf8d1c3-762b-4ce3-b316-6b1aa32f8be3',
      tracker_name: 'system',
      tracker_type: 'system',
      status: 'enabled',
      domain_id: '2306579dc99f4c8690b14b68e734fcd9',
      project_id: '24edf66e79d04187acb99a463e610764',
      create_time: 1589886034121,
      is_support_validate: false,
      obs_info: {
        bucket_name: '',
        file_prefix_name: '',
        is_obs_created: false,
        is_authorized_bucket: false,
        bucket_lifecycle: 0,
        bucket_location: '',
        compress_type: 'gzip',
        is_sort_by_service: true,
      },
      lts: { is_lts_enabled: true, log_group_name: 'CTS', log_topic_name: 'system-trace' },
    },
  ],
}

/**
 * A valid enabled system tracker (LTS on, no OBS bucket); a new `tracker_name` derives a stable
 * new `id`.
 * @example trackerWire({ status: 'disabled' })
 */
export const trackerWire = makeBuilder<TrackerWire>(
  TrackerWire.parse(ctsTrackersSample.trackers[0]),
  { kind: 'tracker', nameKey: 'tracker_name' },
)
