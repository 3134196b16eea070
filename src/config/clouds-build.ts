/**
 * Turns merged settings into a {@link CloudConfig}: picks the authentication method, checks that
 * everything it needs is there and that values are valid, and collects every problem with the
 * place it came from (or where it should be written).
 * @module
 */
import type { CloudAuth, CloudConfig, DomainRef, EndpointInterface } from './cloud-config.ts'
import { envNameFor, type Settings } from './clouds-settings.ts'
import { type ConfigIssue, issueAt, type SettingSource } from './config-error.ts'

/** Where a missing key should be reported (the selected cloud entry, or the environment). */
export type MissingAt = (key: string) => SettingSource

const AUTH_TYPES: Readonly<Record<string, CloudAuth['type']>> = {
  password: 'password',
  v3password: 'password',
  v3applicationcredential: 'application_credential',
  aksk: 'aksk',
}

const INTERFACES: Readonly<Record<string, EndpointInterface>> = {
  public: 'public',
  publicurl: 'public',
  internal: 'internal',
  internalurl: 'internal',
  admin: 'admin',
  adminurl: 'admin',
}

/** Reads settings and records problems; shared by the steps of {@link buildCloudConfig}. */
interface Reader {
  get(key: string): string | undefined
  /** A present value is invalid. */
  bad(key: string, message: string): void
  /** None of `keys` is set (reported at the first, with alternatives and env names). */
  need(keys: string[], why?: string): void
}

function reader(
  s: Settings,
  missingAt: MissingAt,
  issues: ConfigIssue[],
  checkRequired: boolean,
): Reader {
  const get = (k: string) => s.get(k)?.value
  return {
    get,
    bad: (k, msg) => issues.push(issueAt(s.get(k)!.source, msg)),
    need(keys, why) {
      if (!checkRequired || keys.some((k) => get(k) !== undefined)) return
      const at = missingAt(keys[0]!)
      const envs = keys.map(envNameFor).filter((e): e is string => e !== undefined)
      const alts = at.kind === 'env' ? envs : keys
      const parts: string[] = []
      if (why) parts.push(why)
      if (alts.length > 1) parts.push(`set one of ${alts.join(', ')}`)
      if (at.kind !== 'env' && envs.length > 0) parts.push(`or set ${envs.join(' / ')}`)
      issues.push(issueAt(at, `missing${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`))
    },
  }
}

/** Builds the configuration; returns undefined when `issues` gained entries. */
export function buildCloudConfig(
  s: Settings,
  missingAt: MissingAt,
  issues: ConfigIssue[],
  checkRequired: boolean,
): Omit<CloudConfig, 'source'> | undefined {
  const before = issues.length
  const r = reader(s, missingAt, issues, checkRequired)
  r.need(['auth_url'])
  const authUrl = r.get('auth_url')
  if (authUrl !== undefined && !isHttpUrl(authUrl))
    r.bad('auth_url', `"${authUrl}" is not an http(s) URL`)
  const { auth, project } = authAndProject(r, authType(s, r.bad))
  const iface = r.get('interface')
  const itf = iface === undefined ? 'public' : INTERFACES[iface.toLowerCase()]
  if (!itf) r.bad('interface', `"${iface}" is not valid; expected one of: public, internal, admin`)
  const concurrency = number(r, 'concurrency', { int: true, min: 1, max: 64 }) ?? 4
  const rps = number(r, 'rps', { min: 0.01, max: 10_000 })
  const timeout = number(r, 'api_timeout', { min: 0.1, max: 3600 })
  const authTimeout = number(r, 'auth_timeout', { min: 0.1, max: 3600 })
  const endpointOverrides = overrides(s, r.bad)
  if (issues.length > before || !auth || !authUrl || !itf) return undefined
  return {
    authUrl,
    auth,
    region: r.get('region_name'),
    interface: itf,
    project,
    endpointOverrides,
    concurrency,
    rps,
    timeoutMs: timeout !== undefined ? Math.round(timeout * 1000) : 30_000,
    ...(authTimeout !== undefined ? { authTimeoutMs: Math.round(authTimeout * 1000) } : {}),
  }
}

/** The authentication method and project, checking what each method requires. */
function authAndProject(
  r: Reader,
  type: CloudAuth['type'] | undefined,
): { auth?: CloudAuth; project: CloudConfig['project'] } {
  const { get, need } = r
  // `domain_*` stands in for the user's domain, and the user's domain for the project's (OTC).
  const userDomain = ref(
    get('user_domain_id') ?? get('domain_id'),
    get('user_domain_name') ?? get('domain_name'),
  )
  const domain = ref(
    get('domain_id') ?? get('user_domain_id'),
    get('domain_name') ?? get('user_domain_name'),
  )
  const projectDomain = ref(get('project_domain_id'), get('project_domain_name'))
  const project = {
    id: get('project_id'),
    name: get('project_name'),
    domain: projectDomain.id || projectDomain.name ? projectDomain : userDomain,
  }
  if (type === 'password') {
    need(['username', 'user_id'])
    need(['password'])
    need(['project_name', 'project_id'], 'Sphere scans one project')
    if (get('username') && !get('user_id') && !userDomain.id && !userDomain.name)
      need(['user_domain_name', 'user_domain_id', 'domain_name'], 'a user name needs its domain')
    else if (
      get('project_name') &&
      !get('project_id') &&
      !project.domain.id &&
      !project.domain.name
    )
      need(
        ['project_domain_name', 'project_domain_id', 'domain_name'],
        'a project name needs its domain',
      )
    const auth = {
      type,
      username: get('username'),
      userId: get('user_id'),
      password: get('password') ?? '',
      userDomain,
      domain,
    }
    return { auth, project }
  }
  if (type === 'application_credential') {
    need(['application_credential_secret'])
    need(['application_credential_id', 'application_credential_name'])
    const id = get('application_credential_id')
    if (!id && get('application_credential_name'))
      need(['username', 'user_id'], 'an application credential name needs its user')
    const auth = {
      type,
      id,
      name: id ? undefined : get('application_credential_name'),
      secret: get('application_credential_secret') ?? '',
      username: get('username'),
      userId: get('user_id'),
      userDomain,
    }
    return { auth, project }
  }
  if (type === 'aksk') {
    need(['ak'])
    need(['sk'])
    need(['project_name', 'project_id'], 'Sphere scans one project')
    const auth = {
      type,
      ak: get('ak') ?? '',
      sk: get('sk') ?? '',
      securityToken: get('security_token'),
      domain,
    }
    return { auth, project }
  }
  return { project }
}

function authType(s: Settings, bad: (k: string, m: string) => void): CloudAuth['type'] | undefined {
  const raw = s.get('auth_type')?.value
  if (raw !== undefined) {
    const t = AUTH_TYPES[raw.toLowerCase()]
    if (!t)
      bad(
        'auth_type',
        `"${raw}" is not supported; expected one of: ${Object.keys(AUTH_TYPES).join(', ')}`,
      )
    return t
  }
  // No auth_type: application credential, then password (the OpenStack default), then AK/SK.
  if (s.has('application_credential_secret') || s.has('application_credential_id'))
    return 'application_credential'
  if (s.has('password') || !(s.has('ak') || s.has('sk'))) return 'password'
  return 'aksk'
}

function ref(id: string | undefined, name: string | undefined): DomainRef {
  return id !== undefined ? { id } : name !== undefined ? { name } : {}
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

function number(
  r: Reader,
  key: string,
  range: { int?: boolean; min: number; max: number },
): number | undefined {
  const raw = r.get(key)
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (
    raw.trim() === '' ||
    !Number.isFinite(n) ||
    (range.int && !Number.isInteger(n)) ||
    n < range.min ||
    n > range.max
  ) {
    r.bad(
      key,
      `"${raw}" is not ${range.int ? 'a whole number' : 'a number'} between ${range.min} and ${range.max}`,
    )
    return undefined
  }
  return n
}

function overrides(s: Settings, bad: (k: string, m: string) => void): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, { value }] of s) {
    if (!key.endsWith('_endpoint_override')) continue
    if (!isHttpUrl(value)) bad(key, `"${value}" is not an http(s) URL`)
    else out[key.slice(0, -'_endpoint_override'.length)] = value
  }
  return out
}
