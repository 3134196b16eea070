/**
 * Wire shapes of the CTS v3 tracker API. `create_time` is epoch milliseconds.
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
  lts: z
    .object({
      is_lts_enabled: z.boolean(),
      log_group_name: z.string().optional(),
      log_topic_name: z.string().optional(),
    })
    .nullish(),
})
export type TrackerWire = z.output<typeof TrackerWire>

/** GET /v3/{project_id}/trackers (CTS "Querying a Tracker"; not paged, at most one system tracker). */
export const ListTrackersResponse = z.object({ trackers: z.array(TrackerWire) })
export type ListTrackersResponse = z.output<typeof ListTrackersResponse>
