/**
 * Wire shapes of the Keystone `/v3` API as OTC IAM serves it: projects, users, groups and group
 * members. Tokens and the service catalog live in `auth-schemas.ts` (not here).
 * @module
 */
import { z } from 'zod'

/** Collection links of a Keystone list; `next` is null on the last page. */
export const CollectionLinksWire = z.object({
  self: z.string(),
  previous: z.string().nullish(),
  next: z.string().nullish(),
})
export type CollectionLinksWire = z.output<typeof CollectionLinksWire>

/** `links` of one Keystone item. */
export const SelfLinkWire = z.object({ self: z.string() })

/** One project of GET /v3/projects (IAM "Querying Project Information Based on the Specified Criteria"). */
export const ProjectWire = z.object({
  id: z.string(),
  /** The region's main project is named after the region (`eu-de`); sub-projects `eu-de_<suffix>`. */
  name: z.string(),
  domain_id: z.string(),
  description: z.string().nullish(),
  enabled: z.boolean(),
  parent_id: z.string().nullish(),
  is_domain: z.boolean().optional(),
  links: SelfLinkWire.optional(),
})
export type ProjectWire = z.output<typeof ProjectWire>

/** GET /v3/projects (IAM "Querying Project Information ..."; pages via links.next). */
export const ListProjectsResponse = z.object({
  projects: z.array(ProjectWire),
  links: CollectionLinksWire,
})
export type ListProjectsResponse = z.output<typeof ListProjectsResponse>

/** One user of GET /v3/users (IAM "Querying a User List"). */
export const UserWire = z.object({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean(),
  description: z.string().nullish(),
  default_project_id: z.string().nullish(),
  /** e.g. `2016-12-07T00:00:00.000000Z`; null when the password never expires. */
  password_expires_at: z.string().nullish(),
  /** true = the user must change the password at next login. */
  pwd_status: z.boolean().nullish(),
  pwd_strength: z.string().nullish(),
  last_project_id: z.string().nullish(),
  links: SelfLinkWire.optional(),
})
export type UserWire = z.output<typeof UserWire>

/** GET /v3/users (IAM "Querying a User List"; not paged in practice, links.next null). */
export const ListUsersResponse = z.object({
  users: z.array(UserWire),
  links: CollectionLinksWire,
})
export type ListUsersResponse = z.output<typeof ListUsersResponse>

/** One group of GET /v3/groups (IAM "Listing User Groups"). */
export const GroupWire = z.object({
  id: z.string(),
  /** The built-in full-administrator group is `admin`. */
  name: z.string(),
  description: z.string().nullish(),
  domain_id: z.string(),
  /** Epoch milliseconds. */
  create_time: z.number().optional(),
  links: SelfLinkWire.optional(),
})
export type GroupWire = z.output<typeof GroupWire>

/** GET /v3/groups (IAM "Listing User Groups"; links.next). */
export const ListGroupsResponse = z.object({
  groups: z.array(GroupWire),
  links: CollectionLinksWire,
})
export type ListGroupsResponse = z.output<typeof ListGroupsResponse>

/** GET /v3/groups/{group_id}/users (IAM "Querying Users in a User Group"): the /v3/users shape. */
export const ListGroupUsersResponse = ListUsersResponse
export type ListGroupUsersResponse = z.output<typeof ListGroupUsersResponse>
