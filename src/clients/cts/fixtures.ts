/**
 * Canonical CTS v3 and v1 samples (v3 verbatim from otc-api.md, v1 from the OTC CTS reference)
 * and builders of valid wire items.
 * @module
 */
import { makeBuilder } from '../testing/fixture-ids.ts'
import { TrackerV1Wire, TrackerWire } from './schemas.ts'

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

/**
 * Real sample body of GET /v1.0/{project_id}/tracker?tracker_name=system, verbatim from the OTC
 * CTS API reference ("Out-of-date APIs > Querying a Tracker"; otc-api-platform.md §10): one flat
 * object, the OBS bucket at the top level, file verification nested in `log_file_validate`.
 */
export const ctsTrackerV1Sample = {
  id: '2e6fa9b8-8c6e-456d-b5d3-77be972d220b',
  create_time: 1587958482923,
  domain_id: 'aexxxxxxxx4d4fb4bexxxxxxx791fbf',
  is_support_trace_files_encryption: true,
  kms_id: '13a4207c-7abe-4b68-8510-16b84c3b5504',
  bucket_name: 'obs-f1da',
  file_prefix_name: 'yO8Q',
  project_id: 'bb1xxxxxxxxe4f498cbxxxxxxxx35634',
  lts: { is_lts_enabled: true, log_group_name: 'CTS', log_topic_name: 'system-trace' },
  log_file_validate: { is_support_validate: true },
  tracker_name: 'system',
  tracker_type: 'system',
  status: 'enabled',
}

/**
 * A valid enabled v1 management tracker (archiving to OBS, LTS on).
 * @example trackerV1Wire({ status: 'disabled' })
 */
export const trackerV1Wire = makeBuilder<TrackerV1Wire>(TrackerV1Wire.parse(ctsTrackerV1Sample), {
  kind: 'tracker',
  nameKey: 'tracker_name',
})
