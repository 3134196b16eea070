/**
 * Nova SSH key pairs of the calling user.
 * @module
 */
import { callOne, listItems } from '../_operation.ts'
import { readVersioned, type Versioned } from '../core/api-versions.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { KeypairWire } from './schemas.ts'
import { COMPUTE_VERSIONS, type ComputeVersion } from './versions.ts'

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
  version: ComputeVersion = 'v2.1',
): Promise<KeypairWire[]> {
  const def = version === 'v2' ? OPS['compute.ListKeypairsV2'] : OPS['compute.ListKeypairs']
  const wrapped = await listItems(client, def, { limit: query.limit, signal })
  return wrapped.map((w) => w.keypair)
}

/** Lists the key pairs with the first Nova version the region serves (see `versions.ts`). */
export function readKeypairs(
  client: ServiceClient,
  query: ListKeypairsQuery = {},
  signal?: AbortSignal,
): Promise<Versioned<KeypairWire[]>> {
  return readVersioned(
    client,
    COMPUTE_VERSIONS.map((version) => ({
      version,
      read: () => listKeypairs(client, query, signal, version),
    })),
  )
}

// GET /v2.1/{project_id}/os-keypairs/{keypair_name} (Nova)
/** One key pair with `created_at`, `user_id` and `id` (for key age checks). */
export async function showKeypair(
  client: ServiceClient,
  name: string,
  signal?: AbortSignal,
  version: ComputeVersion = 'v2.1',
): Promise<KeypairWire> {
  const def = version === 'v2' ? OPS['compute.ShowKeypairV2'] : OPS['compute.ShowKeypair']
  const body = await callOne(client, def, {
    params: { keypair_name: name },
    signal,
  })
  return body.keypair
}
