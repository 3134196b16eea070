/**
 * Wire shapes of KMS (otc-api-platform.md §6): every read is a POST with a JSON body; values are
 * strings in the field tables but the samples show booleans and numbers, so both are accepted.
 * @module
 */
import { z } from 'zod'

/** A boolean the docs type as String: `true`, `"true"`, `false`, `"false"`. */
export const looseBool = z.union([
  z.boolean(),
  z
    .enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False'])
    .transform((s) => s.toLowerCase() === 'true'),
])

/** A number the docs type as String (`"3"`) or Integer (`3`). */
export const looseInt = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])

/** One key of `key_details[]` (Table 5 of "Querying the Information About a CMK"). */
export const KeyDetailWire = z.object({
  key_id: z.string(),
  domain_id: z.string().optional(),
  key_alias: z.string(),
  realm: z.string().optional(),
  key_description: z.string().optional(),
  /** AES_256, RSA_2048|3072|4096, EC_P256|P384, HMAC_*; absent in the list sample. */
  key_spec: z.string().optional(),
  key_usage: z.string().optional(),
  /** Epoch as a string: seconds per the doc, 13-digit milliseconds in the samples. */
  creation_date: z.string(),
  scheduled_deletion_date: z.string().optional(),
  /** 1 pending activation, 2 enabled, 3 disabled, 4 scheduled deletion, 5 pending import. */
  key_state: z.string(),
  /** "1" = Default Master Key (`obs/default`, …), "0" = customer master key. */
  default_key_flag: z.string(),
  key_type: z.string().optional(),
  expiration_time: z.string().optional(),
  /** kms, or external (imported material). */
  origin: z.string().optional(),
})
export type KeyDetailWire = z.output<typeof KeyDetailWire>

/** POST /v1.0/{project_id}/kms/list-keys (body `limit`, `marker`, `key_state` as strings). */
export const ListKeysResponse = z.object({
  keys: z.array(z.string()),
  key_details: z.array(KeyDetailWire),
  next_marker: z.string().nullish(),
  truncated: looseBool,
  total: looseInt.optional(),
})
export type ListKeysResponse = z.output<typeof ListKeysResponse>

/** POST /v1.0/{project_id}/kms/get-key-rotation-status (body `key_id`). */
export const KeyRotationStatusResponse = z.object({
  key_rotation_enabled: looseBool,
  /** Days, 30-365 (default 365). */
  rotation_interval: looseInt.optional(),
  last_rotation_time: z.string().nullish(),
  number_of_rotations: looseInt.optional(),
})
export type KeyRotationStatusResponse = z.output<typeof KeyRotationStatusResponse>
