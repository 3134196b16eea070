/**
 * Reads the settings of one cloud from its three layers (a clouds.yaml entry, `OS_*` environment
 * variables, command-line flags) into one flat map of canonical keys, each remembering where its
 * value came from. Later layers win: flags > env > file.
 * @module
 */
import { z } from 'zod'
import { formatPath } from '../model/input-error.ts'
import { type ConfigIssue, issueAt, type SettingSource } from './config-error.ts'

/** A value and where it came from. */
export interface Setting {
  value: string
  source: SettingSource
}

/** Canonical key (`auth_url`, `region_name`, `compute_endpoint_override`, …) → setting. */
export type Settings = Map<string, Setting>

/** Keys read from the `auth:` block of a cloud entry; aliases map to their canonical key. */
export const AUTH_KEYS: Readonly<Record<string, string>> = {
  auth_url: 'auth_url',
  username: 'username',
  user_id: 'user_id',
  password: 'password',
  project_name: 'project_name',
  project_id: 'project_id',
  tenant_name: 'project_name',
  tenant_id: 'project_id',
  user_domain_name: 'user_domain_name',
  user_domain_id: 'user_domain_id',
  project_domain_name: 'project_domain_name',
  project_domain_id: 'project_domain_id',
  domain_name: 'domain_name',
  domain_id: 'domain_id',
  application_credential_id: 'application_credential_id',
  application_credential_name: 'application_credential_name',
  application_credential_secret: 'application_credential_secret',
  ak: 'ak',
  sk: 'sk',
  access_key: 'ak',
  secret_key: 'sk',
  security_token: 'security_token',
}

/** Keys read from the top level of a cloud entry (python-otcextensions reads `ak`/`sk` here). */
export const TOP_KEYS: Readonly<Record<string, string>> = {
  auth_type: 'auth_type',
  region_name: 'region_name',
  interface: 'interface',
  ak: 'ak',
  sk: 'sk',
  access_key: 'ak',
  secret_key: 'sk',
  security_token: 'security_token',
  api_timeout: 'api_timeout',
  auth_timeout: 'auth_timeout',
  concurrency: 'concurrency',
  rps: 'rps',
}

/** Environment variable → canonical key. `OS_<TYPE>_ENDPOINT_OVERRIDE` is handled as well. */
export const ENV_KEYS: Readonly<Record<string, string>> = {
  OS_AUTH_URL: 'auth_url',
  OS_AUTH_TYPE: 'auth_type',
  OS_USERNAME: 'username',
  OS_USER_ID: 'user_id',
  OS_PASSWORD: 'password',
  OS_PROJECT_NAME: 'project_name',
  OS_TENANT_NAME: 'project_name',
  OS_PROJECT_ID: 'project_id',
  OS_TENANT_ID: 'project_id',
  OS_USER_DOMAIN_NAME: 'user_domain_name',
  OS_USER_DOMAIN_ID: 'user_domain_id',
  OS_PROJECT_DOMAIN_NAME: 'project_domain_name',
  OS_PROJECT_DOMAIN_ID: 'project_domain_id',
  OS_DOMAIN_NAME: 'domain_name',
  OS_DOMAIN_ID: 'domain_id',
  OS_REGION_NAME: 'region_name',
  OS_INTERFACE: 'interface',
  OS_APPLICATION_CREDENTIAL_ID: 'application_credential_id',
  OS_APPLICATION_CREDENTIAL_NAME: 'application_credential_name',
  OS_APPLICATION_CREDENTIAL_SECRET: 'application_credential_secret',
  OS_ACCESS_KEY: 'ak',
  OS_SECRET_KEY: 'sk',
  OS_SECURITY_TOKEN: 'security_token',
}

/** The first environment variable that sets a canonical key (for "or set OS_…" hints). */
export function envNameFor(key: string): string | undefined {
  return Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0]
}

/** Command-line flags the resolver understands. Values may be strings as parsed from argv. */
export interface CloudFlags {
  /** `--os-cloud`: the cloud in clouds.yaml. */
  osCloud?: string
  /** `--region` (`--os-region-name` in the openstack CLI). */
  region?: string
  /** `--os-interface`. */
  interface?: string
  /** `--os-auth-type`. */
  authType?: string
  /** `--os-project-name`. */
  projectName?: string
  /** `--os-project-id`. */
  projectId?: string
  /** `--concurrency`: requests in flight per endpoint. */
  concurrency?: string | number
  /** `--rps`: requests per second per endpoint. */
  rps?: string | number
  /** `--api-timeout`: seconds per HTTP request. */
  apiTimeout?: string | number
  /** `--auth-timeout`: seconds authentication may take, retries included. */
  authTimeout?: string | number
}

/** Flag property → [canonical key, flag name as typed]. */
export const FLAG_KEYS: Readonly<Record<Exclude<keyof CloudFlags, 'osCloud'>, [string, string]>> = {
  region: ['region_name', '--region'],
  interface: ['interface', '--os-interface'],
  authType: ['auth_type', '--os-auth-type'],
  projectName: ['project_name', '--os-project-name'],
  projectId: ['project_id', '--os-project-id'],
  concurrency: ['concurrency', '--concurrency'],
  rps: ['rps', '--rps'],
  apiTimeout: ['api_timeout', '--api-timeout'],
  authTimeout: ['auth_timeout', '--auth-timeout'],
}

// YAML turns `password: 123456` into a number; openstacksdk reads it as text, so do we.
const Scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String)
const CloudEntry = z.looseObject({
  auth: z
    .looseObject(Object.fromEntries(Object.keys(AUTH_KEYS).map((k) => [k, Scalar.optional()])))
    .optional(),
  ...Object.fromEntries(Object.keys(TOP_KEYS).map((k) => [k, Scalar.optional()])),
  regions: z.array(z.union([Scalar, z.looseObject({ name: Scalar })])).optional(),
})

const OVERRIDE = /^([a-z0-9_-]+)_endpoint_override$/i

/** Reads a clouds.yaml entry; issues carry the file and the `clouds.<name>.…` path. */
export function settingsFromEntry(
  name: string,
  entry: unknown,
  fileOf: (path: readonly string[]) => string,
  out: Settings,
  issues: ConfigIssue[],
): void {
  const at = (path: readonly (string | number)[]): SettingSource => ({
    kind: 'file',
    file: fileOf([name, ...path.map(String)]),
    path: formatPath(['clouds', name, ...path]),
  })
  const res = CloudEntry.safeParse(entry ?? {})
  if (!res.success) {
    for (const i of res.error.issues)
      issues.push(issueAt(at(i.path as (string | number)[]), i.message))
    return
  }
  const e = res.data as Record<string, unknown> & {
    auth?: Record<string, unknown>
    regions?: (string | { name: string })[]
  }
  for (const [k, key] of Object.entries(TOP_KEYS)) {
    if (typeof e[k] === 'string') out.set(key, { value: e[k], source: at([k]) })
  }
  for (const [k, key] of Object.entries(AUTH_KEYS)) {
    const v = e.auth?.[k]
    if (typeof v === 'string') out.set(key, { value: v, source: at(['auth', k]) })
  }
  const first = e.regions?.[0]
  if (first !== undefined && !out.has('region_name'))
    out.set('region_name', {
      value: typeof first === 'string' ? first : first.name,
      source: at(['regions', 0]),
    })
  for (const [k, v] of Object.entries(e)) {
    const m = OVERRIDE.exec(k)
    if (m && typeof v === 'string') out.set(overrideKey(m[1]!), { value: v, source: at([k]) })
  }
}

/** Canonical key of an endpoint override for a service type (`block-storage` → `block_storage`). */
export function overrideKey(serviceType: string): string {
  return `${serviceType.toLowerCase().replace(/-/g, '_')}_endpoint_override`
}

/** Reads `OS_*` variables (empty values are ignored). Returns the names used. */
export function settingsFromEnv(env: Record<string, string | undefined>, out: Settings): string[] {
  const used: string[] = []
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '' || !name.startsWith('OS_')) continue
    const key = ENV_KEYS[name]
    const m = /^OS_([A-Z0-9_]+)_ENDPOINT_OVERRIDE$/.exec(name)
    const canonical = key ?? (m ? overrideKey(m[1]!) : undefined)
    if (!canonical) continue
    // OS_PROJECT_NAME beats OS_TENANT_NAME whatever the order of the environment.
    if (name.startsWith('OS_TENANT_') && out.get(canonical)?.source.kind === 'env') continue
    out.set(canonical, { value, source: { kind: 'env', name } })
    used.push(name)
  }
  return used.sort()
}

/** Reads command-line flags. Returns the flag names used. */
export function settingsFromFlags(flags: CloudFlags, out: Settings): string[] {
  const used: string[] = []
  for (const [prop, [key, flag]] of Object.entries(FLAG_KEYS)) {
    const v = flags[prop as keyof typeof FLAG_KEYS]
    if (v === undefined || v === '') continue
    out.set(key, { value: String(v), source: { kind: 'flag', name: flag } })
    used.push(flag)
  }
  return used
}
