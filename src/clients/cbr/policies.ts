/**
 * CBR backup policies, which also carry the policy-to-vault association.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { PolicyWire } from './schemas.ts'

/** Filters of {@link listPolicies}, in wire names. */
export interface ListPoliciesQuery {
  /** backup or replication. */
  operation_type?: string
  vault_id?: string
}

// GET /v3/{project_id}/policies (CBR; unpaged)
/** Lists every policy; `associated_vaults` tells which vaults each one drives. */
export function listPolicies(
  client: ServiceClient,
  query: ListPoliciesQuery = {},
  signal?: AbortSignal,
): Promise<PolicyWire[]> {
  return listItems(client, OPS['cbr.ListPolicies'], { query: { ...query }, signal })
}
