/**
 * KMS keys and their rotation (otc-api-platform.md §6): `POST list-keys` pages by the body's
 * `limit` and `marker` (strings) until `truncated` is "false"; `POST get-key-rotation-status`
 * per key id.
 * @module
 */
import { PaginationLoopError } from '../core/paginate.ts'
import type { ServiceClient } from '../core/types.ts'
import { type KeyDetailWire, KeyRotationStatusResponse, ListKeysResponse } from './schemas.ts'

/** Page size asked for (the maximum is not documented). */
export const KMS_PAGE = 100
const MAX_PAGES = 10_000

/** Every key of the project (all states). */
export async function listKeys(
  c: ServiceClient,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<KeyDetailWire[]> {
  const out: KeyDetailWire[] = []
  const seen = new Set<string>()
  let marker: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await c.request(
      {
        op: 'ListKeys',
        method: 'POST',
        path: '/v1.0/{project_id}/kms/list-keys',
        body: { limit: String(opts.limit ?? KMS_PAGE), ...(marker ? { marker } : {}) },
        // A read: safe to send again.
        idempotent: true,
        signal: opts.signal,
      },
      ListKeysResponse,
    )
    out.push(...res.body.key_details)
    const next = res.body.next_marker ?? ''
    if (!res.body.truncated || next === '' || res.body.key_details.length === 0) return out
    if (seen.has(next)) throw new PaginationLoopError('kms', 'ListKeys', `marker ${next}`)
    seen.add(next)
    marker = next
  }
  throw new PaginationLoopError('kms', 'ListKeys', `more than ${MAX_PAGES} pages`)
}

/** Whether rotation is on for one key (its id, not an alias). */
export async function getKeyRotationStatus(
  c: ServiceClient,
  keyId: string,
  signal?: AbortSignal,
): Promise<KeyRotationStatusResponse> {
  const res = await c.request(
    {
      op: 'GetKeyRotationStatus',
      method: 'POST',
      path: '/v1.0/{project_id}/kms/get-key-rotation-status',
      body: { key_id: keyId },
      idempotent: true,
      signal,
    },
    KeyRotationStatusResponse,
  )
  return res.body
}
