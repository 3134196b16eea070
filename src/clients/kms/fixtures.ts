/**
 * KMS samples, verbatim from otc-api-platform.md §6 (the KMS API reference's samples).
 * @module
 */

/** §6.1 POST list-keys. */
export const listKeysSample = {
  keys: ['0d0466b0-e727-4d9c-b35d-f84bb474a37f'],
  key_details: [
    {
      key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
      domain_id: '00074811d5c27c4f8d48bb91e4a1dcfd',
      key_alias: 'caseuirpr',
      realm: 'aaaa',
      key_description: '123',
      creation_date: '1502799822000',
      scheduled_deletion_date: '',
      key_state: '2',
      default_key_flag: '0',
      key_type: '1',
      expiration_time: '1501578672000',
      origin: 'kms',
    },
  ],
  next_marker: '',
  truncated: 'false',
  total: 2,
}

/** §6.2 POST get-key-rotation-status. */
export const rotationStatusSample = {
  key_rotation_enabled: true,
  rotation_interval: 30,
  last_rotation_time: '1501578672000',
  number_of_rotations: 3,
}

/** A valid key detail; overrides on top of the sample's. */
export function keyDetail(over: Partial<(typeof listKeysSample.key_details)[number]> = {}) {
  return { ...listKeysSample.key_details[0]!, ...over }
}
