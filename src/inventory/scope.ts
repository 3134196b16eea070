/**
 * Scopes: what one part of an organisation's scan covers. A `project` scope is one project in one
 * region of one cloud (its servers, volumes, networks …); an `account` scope is the account-wide
 * (domain) resources of one cloud (IAM users, access keys, the password policy), read once per
 * cloud whatever the number of projects. Every finding, collection issue and note of a scan
 * carries its scope.
 * @module
 */
import { GLOBAL_REGION, RESOURCE_TYPES, type ResourceType } from './types.ts'

/** Where something belongs. */
export interface ScopeRef {
  /** The clouds.yaml entry (`--os-cloud`), or `envvars` for a cloud configured by `OS_*` alone. */
  readonly cloud: string
  /** The region; {@link GLOBAL_REGION} for an account scope. */
  readonly region: string
  /** The project's id; for an account scope the domain's id. */
  readonly projectId: string
  /** The project's name; for an account scope the domain's name. */
  readonly projectName: string
  readonly kind: 'project' | 'account'
}

/** The cloud name used for a configuration without a clouds.yaml entry (as openstacksdk names it). */
export const ENV_CLOUD = 'envvars'

/** Account-wide resource types: read once per cloud into its account scope. */
export const ACCOUNT_TYPES: readonly ResourceType[] = [
  'iam.user',
  'iam.access-key',
  'iam.password-policy',
]

/** Resource types of a project scope (everything regional, `project` included). */
export const PROJECT_TYPES: readonly ResourceType[] = RESOURCE_TYPES.filter(
  (t) => !ACCOUNT_TYPES.includes(t),
)

/** A stable key of a scope: `cloud/region/projectId`. */
export function scopeKey(s: Pick<ScopeRef, 'cloud' | 'region' | 'projectId'>): string {
  return `${s.cloud}/${s.region}/${s.projectId}`
}

/** How a scope reads to a person: `otc-prod eu-de/eu-de_prod`, `otc-prod account OTC0001`. */
export function scopeLabel(s: ScopeRef): string {
  return s.kind === 'account'
    ? `${s.cloud} account ${s.projectName || s.projectId}`
    : `${s.cloud} ${s.region}/${s.projectName || s.projectId}`
}

/** An account scope of a cloud's domain. */
export function accountScope(cloud: string, domain: { id: string; name?: string }): ScopeRef {
  return {
    cloud,
    region: GLOBAL_REGION,
    projectId: domain.id,
    projectName: domain.name ?? domain.id,
    kind: 'account',
  }
}

/** Orders scopes: by cloud, project scopes before the account scope, then region and project name. */
export function compareScopes(a: ScopeRef, b: ScopeRef): number {
  return (
    a.cloud.localeCompare(b.cloud) ||
    (a.kind === b.kind ? 0 : a.kind === 'project' ? -1 : 1) ||
    a.region.localeCompare(b.region) ||
    a.projectName.localeCompare(b.projectName) ||
    a.projectId.localeCompare(b.projectId)
  )
}
