/**
 * Wire shapes of the CTS tracker APIs: v3 ("recommended", a list of trackers) and v1 ("out-of-date
 * APIs", one flat tracker object; otc-api-platform.md §10). `create_time` is epoch milliseconds.
 * @module
 */
import { z } from 'zod'

/** OBS archiving settings of a tracker. */
export const TrackerObsInfoWire = z.object({
  /** Empty when traces are not archived to OBS. */
  bucket_name: z.string(),
  file_prefix_name: z.string().optional(),
  is_obs_created: z.boolean().optional(),
  is_authorized_bucket: z.boolean().optional(),
  bucket_lifecycle: z.number().optional(),
  bucket_location: z.string().optional(),
  compress_type: z.string().optional(),
  is_sort_by_service: z.boolean().optional(),
})

/** LTS (trace search) settings of a tracker. */
export const TrackerLtsWire = z.object({
  is_lts_enabled: z.boolean(),
  log_group_name: z.string().optional(),
  log_topic_name: z.string().optional(),
})

/** One tracker of GET /v3/{project_id}/trackers (CTS "Querying a Tracker"). */
export const TrackerWire = z.object({
  id: z.string(),
  tracker_name: z.string(),
  /** system (management) or data. */
  tracker_type: z.string(),
  /** enabled, disabled, error. */
  status: z.string(),
  /** Why the status is `error`, e.g. `bucketPolicyError`. */
  detail: z.string().nullish(),
  domain_id: z.string().optional(),
  project_id: z.string().optional(),
  /** Epoch milliseconds. */
  create_time: z.number(),
  /** Trace file integrity verification. */
  is_support_validate: z.boolean().optional(),
  is_support_trace_files_encryption: z.boolean().optional(),
  kms_id: z.string().optional(),
  agency_name: z.string().optional(),
  obs_info: TrackerObsInfoWire.nullish(),
  lts: TrackerLtsWire.nullish(),
})
export type TrackerWire = z.output<typeof TrackerWire>

/** GET /v3/{project_id}/trackers (CTS "Querying a Tracker"; not paged, at most one system tracker). */
export const ListTrackersResponse = z.object({ trackers: z.array(TrackerWire) })
export type ListTrackersResponse = z.output<typeof ListTrackersResponse>

/**
 * GET /v1.0/{project_id}/tracker?tracker_name=system (CTS "Out-of-date APIs: Querying a Tracker"):
 * the one management tracker as a flat object, OBS settings at the top level. The field table
 * lists `is_support_validate` at the top, the doc's example nests it in `log_file_validate`:
 * both are read.
 */
export const TrackerV1Wire = z.object({
  id: z.string(),
  /** Epoch milliseconds. */
  create_time: z.number().optional(),
  domain_id: z.string().optional(),
  project_id: z.string().optional(),
  /** Always `system` in v1 (one management tracker per account). */
  tracker_name: z.string(),
  tracker_type: z.string().optional(),
  /** Empty or absent when traces are not archived to OBS. */
  bucket_name: z.string().nullish(),
  file_prefix_name: z.string().nullish(),
  /** enabled, disabled, error. */
  status: z.string(),
  /** Why the status is `error`: bucketPolicyError, noBucket, arrears. */
  detail: z.string().nullish(),
  is_obs_created: z.boolean().optional(),
  is_support_trace_files_encryption: z.boolean().optional(),
  kms_id: z.string().optional(),
  group_id: z.string().optional(),
  stream_id: z.string().optional(),
  lts: TrackerLtsWire.nullish(),
  is_support_validate: z.boolean().optional(),
  log_file_validate: z.object({ is_support_validate: z.boolean() }).optional(),
})
export type TrackerV1Wire = z.output<typeof TrackerV1Wire>

/** GET /v1.0/{project_id}/tracker: the tracker object itself, no wrapper. */
export const ShowTrackerV1Response = TrackerV1Wire
export type ShowTrackerV1Response = z.output<typeof ShowTrackerV1Response>
