/**
 * Agencies: delegations of rights to other accounts or cloud services.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { AgencyWire } from './schemas.ts'

/** Filters of {@link listAgencies}, in wire names. */
export interface ListAgenciesQuery {
  /** Required by the API; defaults to the client's domain. */
  domain_id?: string
  name?: string
  trust_domain_id?: string
}

// GET /v3.0/OS-AGENCY/agencies?domain_id= (IAM extension, domain-scoped token; unpaged)
/** Lists every agency of the account. */
export function listAgencies(
  client: ServiceClient,
  query: ListAgenciesQuery = {},
  signal?: AbortSignal,
): Promise<AgencyWire[]> {
  return listItems(client, OPS['iam.ListAgencies'], {
    query: { ...query, domain_id: query.domain_id ?? client.domainId },
    signal,
  })
}
