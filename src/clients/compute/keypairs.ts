/**
 * Nova SSH key pairs of the calling user.
 * @module
 */
import { callOne, listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { KeypairWire } from './schemas.ts'

/** Options of {@link listKeypairs}. */
export interface ListKeypairsQuery {
  /** Page size; sent only when given (`limit` needs microversion >= 2.35). */
  limit?: number
}

// GET /v2.1/{project_id}/os-keypairs (Nova; unpaged on OTC, follows keypairs_links if present)
/** Lists the key pairs, unwrapped from the API's `keypairs[].keypair` nesting. */
export async function listKeypairs(
  client: ServiceClient,
  query: ListKeypairsQuery = {},
  signal?: AbortSignal,
): Promise<KeypairWire[]> {
  const wrapped = await listItems(client, OPS['compute.ListKeypairs'], {
    limit: query.limit,
    signal,
  })
  return wrapped.map((w) => w.keypair)
}

// GET /v2.1/{project_id}/os-keypairs/{keypair_name} (Nova)
/** One key pair with `created_at`, `user_id` and `id` (for key age checks). */
export async function showKeypair(
  client: ServiceClient,
  name: string,
  signal?: AbortSignal,
): Promise<KeypairWire> {
  const body = await callOne(client, OPS['compute.ShowKeypair'], {
    params: { keypair_name: name },
    signal,
  })
  return body.keypair
}
