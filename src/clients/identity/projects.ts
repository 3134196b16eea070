/**
 * Keystone projects of the account (the region projects `eu-de`, `eu-de_<suffix>`, ...).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { ProjectWire } from './schemas.ts'

/** Filters of {@link listProjects}, in wire names. */
export interface ListProjectsQuery {
  domain_id?: string
  name?: string
  parent_id?: string
  enabled?: boolean
  is_domain?: boolean
  /** Page size, sent as OTC's `per_page` (1-5000) with `page=1`; unpaged when absent. */
  limit?: number
}

// GET /v3/projects (Keystone/IAM, domain-scoped token; pages via links.next)
/** Lists every project matching the filters. */
export function listProjects(
  client: ServiceClient,
  query: ListProjectsQuery = {},
  signal?: AbortSignal,
): Promise<ProjectWire[]> {
  const { limit, ...filters } = query
  const paging = limit === undefined ? {} : { page: 1, per_page: limit }
  return listItems(client, OPS['identity.ListProjects'], {
    query: { ...filters, ...paging },
    signal,
  })
}

// GET /v3/auth/projects (Keystone; the projects the caller has a role in; not paged)
/** Lists the projects the caller may scope a token to (otc-api-platform.md §9.1). */
export function listAuthProjects(
  client: ServiceClient,
  signal?: AbortSignal,
): Promise<ProjectWire[]> {
  return listItems(client, OPS['identity.ListAuthProjects'], { signal })
}
