/**
 * Keystone user groups and their members (e.g. who is in the built-in `admin` group).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { GroupWire, UserWire } from './schemas.ts'

/** Filters of {@link listGroups}, in wire names. */
export interface ListGroupsQuery {
  domain_id?: string
  name?: string
}

// GET /v3/groups (Keystone/IAM, domain-scoped token; follows links.next if set)
/**
 * Lists the user groups matching the filters.
 * @example const [admin] = await listGroups(identity, { name: 'admin' })
 */
export function listGroups(
  client: ServiceClient,
  query: ListGroupsQuery = {},
  signal?: AbortSignal,
): Promise<GroupWire[]> {
  return listItems(client, OPS['identity.ListGroups'], { query: { ...query }, signal })
}

// GET /v3/groups/{group_id}/users (Keystone/IAM, domain-scoped token; follows links.next if set)
/** Lists the members of one group. */
export function listGroupUsers(
  client: ServiceClient,
  groupId: string,
  signal?: AbortSignal,
): Promise<UserWire[]> {
  return listItems(client, OPS['identity.ListGroupUsers'], {
    params: { group_id: groupId },
    signal,
  })
}
