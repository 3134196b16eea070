/**
 * The resolved cloud configuration the library receives: where to authenticate, how, which
 * project and region, and the transport limits. Built once by `resolveCloudConfig` at the edge.
 * @module
 */

/** A domain named by id or name (Keystone accepts either). */
export interface DomainRef {
  readonly id?: string
  readonly name?: string
}

/** Keystone v3 password authentication (`password`, `v3password`). */
export interface PasswordAuth {
  readonly type: 'password'
  readonly username?: string
  readonly userId?: string
  readonly password: string
  /** Domain of the user (`user_domain_*`, else `domain_*`). */
  readonly userDomain: DomainRef
  /** Domain for domain-scoped tokens (IAM APIs): `domain_*`, else the user's domain. */
  readonly domain: DomainRef
}

/** Keystone application credentials (`v3applicationcredential`); the project is implied. */
export interface ApplicationCredentialAuth {
  readonly type: 'application_credential'
  readonly id?: string
  readonly name?: string
  readonly secret: string
  /** Needed only with `name`. */
  readonly username?: string
  readonly userId?: string
  readonly userDomain: DomainRef
}

/** OTC AK/SK request signing instead of tokens (`aksk`, or `ak`/`sk` without a password). */
export interface AkskAuth {
  readonly type: 'aksk'
  readonly ak: string
  readonly sk: string
  /** For temporary AK/SK (`X-Security-Token`). */
  readonly securityToken?: string
  /** The account's domain, when known; looked up via `GET /v3/auth/domains` otherwise. */
  readonly domain: DomainRef
}

/** How to authenticate. */
export type CloudAuth = PasswordAuth | ApplicationCredentialAuth | AkskAuth

/** The endpoint interface to pick from the catalog. */
export type EndpointInterface = 'public' | 'internal' | 'admin'

/** Where the configuration came from (for `--debug` and error messages). */
export interface ConfigSource {
  /** Cloud name chosen in clouds.yaml, if any. */
  readonly cloud?: string
  /** Files read. */
  readonly files: readonly string[]
  /** Environment variables used. */
  readonly env: readonly string[]
  /** Command-line flags used. */
  readonly flags: readonly string[]
}

/** A resolved, frozen cloud configuration. */
export interface CloudConfig {
  /** Keystone URL as configured, e.g. `https://iam.eu-de.otc.t-systems.com/v3`. */
  readonly authUrl: string
  readonly auth: CloudAuth
  /** Region to pick endpoints for (`region_name`); unset picks the first the catalog lists. */
  readonly region?: string
  readonly interface: EndpointInterface
  /** The project to scope to (by id, or by name within `domain`). */
  readonly project: { readonly id?: string; readonly name?: string; readonly domain: DomainRef }
  /**
   * `<service>_endpoint_override` values by service type as written (`compute`, `block_storage`,
   * `volumev3`, `rds`), `-` normalised to `_`.
   */
  readonly endpointOverrides: Readonly<Record<string, string>>
  /** Requests in flight per endpoint (default 4). */
  readonly concurrency: number
  /** Requests per second per endpoint; unset is unlimited. */
  readonly rps?: number
  /** Timeout of one HTTP request in ms (default 30 000). */
  readonly timeoutMs: number
  /**
   * Time budget of each authentication request in ms, all its attempts and waits included
   * (`auth_timeout`, `--auth-timeout`; default {@link DEFAULT_AUTH_TIMEOUT_MS}): a silent
   * Keystone ends the scan after this, not after attempts × `timeoutMs`.
   */
  readonly authTimeoutMs?: number
  readonly source: ConfigSource
  /**
   * Problems that did not stop resolution, one line each, for the caller to show on stderr
   * (e.g. a password written into `auth_url`, which was removed from the URL).
   */
  readonly warnings?: readonly string[]
  /** Passwords removed from URL user info: never sent, kept only so they are redacted. */
  readonly urlSecrets?: readonly string[]
}

/** Default {@link CloudConfig.authTimeoutMs}. */
export const DEFAULT_AUTH_TIMEOUT_MS = 30_000

/** The secret values of a configuration, for redaction (with passwords found in URLs). */
export function configSecrets(config: CloudConfig): string[] {
  return [...authSecrets(config.auth), ...(config.urlSecrets ?? [])]
}

function authSecrets(a: CloudAuth): string[] {
  switch (a.type) {
    case 'password':
      return [a.password]
    case 'application_credential':
      return [a.secret]
    case 'aksk':
      return a.securityToken ? [a.sk, a.securityToken] : [a.sk]
  }
}

/** Freezes an object and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/** A password login, as a clouds.yaml entry with user and project in one domain would give. */
export interface PasswordLogin {
  authUrl: string
  username: string
  password: string
  projectName: string
  domainName: string
  region: string
}

/**
 * The configuration of a password login with defaults (concurrency 4, 30 s timeout), for callers
 * that have the login in hand rather than in a clouds.yaml (the demo, tests, the benchmark).
 */
export function passwordCloudConfig(
  login: PasswordLogin,
  overrides: Partial<CloudConfig> = {},
): CloudConfig {
  const domain = { name: login.domainName }
  return {
    authUrl: login.authUrl,
    auth: {
      type: 'password',
      username: login.username,
      password: login.password,
      userDomain: domain,
      domain,
    },
    region: login.region,
    interface: 'public',
    project: { name: login.projectName, domain },
    endpointOverrides: {},
    concurrency: 4,
    timeoutMs: 30_000,
    source: { files: [], env: [], flags: [] },
    ...overrides,
  }
}
