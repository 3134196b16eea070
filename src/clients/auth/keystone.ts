/**
 * Keystone v3 tokens: password (project- or domain-scoped) and application credentials. A token
 * is reused until shortly before `expires_at`; concurrent callers share one token request; after
 * a 401 the session drops the token once and asks again.
 * @module
 */
import type { z } from 'zod'
import type {
  ApplicationCredentialAuth,
  CloudConfig,
  DomainRef,
  PasswordAuth,
} from '../../config/cloud-config.ts'
import { CloudApiError } from '../core/errors.ts'
import type { Scope } from '../core/service-client.ts'
import type { ServiceClient } from '../core/types.ts'
import { type TokenRequest, TokenResponse } from '../identity/auth-schemas.ts'
import { type AuthContext, type Authenticator, once } from './authenticator.ts'

/** A token is renewed this long before it expires. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000

/** An issued token. */
export interface Token {
  value: string
  /** `expires_at` in ms since the epoch. */
  expiresAt: number
  body: TokenResponse['token']
}

type TokenScope =
  | { project: { id?: string; name?: string; domain?: DomainRef } }
  | { domain: DomainRef }
  | undefined

const domainRef = (d: DomainRef): DomainRef => (d.id ? { id: d.id } : { name: d.name })

/** The body of `POST /v3/auth/tokens` for a configured method and scope. */
export function tokenRequestBody(
  auth: PasswordAuth | ApplicationCredentialAuth,
  scope: TokenScope,
): z.input<typeof TokenRequest> {
  const user = {
    ...(auth.userId ? { id: auth.userId } : { name: auth.username }),
    ...(!auth.userId && (auth.userDomain.id || auth.userDomain.name)
      ? { domain: domainRef(auth.userDomain) }
      : {}),
  }
  if (auth.type === 'application_credential') {
    const cred = auth.id
      ? { id: auth.id, secret: auth.secret }
      : { name: auth.name, secret: auth.secret, user }
    // An application credential is bound to its project; Keystone rejects an explicit scope.
    return {
      auth: { identity: { methods: ['application_credential'], application_credential: cred } },
    }
  }
  return {
    auth: {
      identity: { methods: ['password'], password: { user: { ...user, password: auth.password } } },
      ...(scope ? { scope } : {}),
    },
  }
}

/** `expires_at` → ms; Keystone omits the zone at times (it is UTC). */
export function parseExpiry(value: string): number {
  const iso = /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`
  return Date.parse(iso)
}

/**
 * Requests a token (`POST /v3/auth/tokens`, 201, token in `X-Subject-Token`). A 401 becomes an
 * `auth` error that says where and what to check.
 */
export async function issueToken(
  identity: ServiceClient,
  body: z.input<typeof TokenRequest>,
  authUrl: string,
): Promise<Token> {
  const method = body.auth.identity.methods[0]
  try {
    const res = await identity.request(
      {
        op: 'IssueToken',
        method: 'POST',
        path: '/v3/auth/tokens',
        body,
        expect: [200, 201],
        idempotent: true,
      },
      TokenResponse,
    )
    const value = res.headers.get('x-subject-token')
    const expiresAt = parseExpiry(res.body.token.expires_at)
    if (!value || Number.isNaN(expiresAt))
      throw new CloudApiError({
        service: identity.service,
        op: 'IssueToken',
        method: 'POST',
        url: res.url,
        kind: 'schema',
        status: res.status,
        summary: value
          ? `unreadable expires_at "${res.body.token.expires_at}"`
          : 'no X-Subject-Token header in the response',
      })
    return { value, expiresAt, body: res.body.token }
  } catch (err) {
    if (!(err instanceof CloudApiError)) throw err
    const what =
      method === 'application_credential'
        ? 'application_credential_id/secret'
        : body.auth.scope?.domain
          ? 'domain_name/domain_id (IAM APIs need a domain-scoped token) and username/password'
          : 'username/password/domain'
    if (err.kind === 'auth')
      throw err.with({
        summary: `authentication failed at ${authUrl}${err.detail ? ` (${err.detail})` : ''}`,
        hint: `check ${what}`,
      })
    if (err.kind === 'not_found')
      throw err.with({ hint: `no Keystone v3 token API below ${authUrl}; check auth_url` })
    if (err.kind === 'forbidden' || err.kind === 'client')
      throw err.with({
        hint: `Keystone refused the token request; check ${what} and the project/domain scope`,
      })
    throw err
  }
}

/** Keystone authentication for a password or application-credential configuration. */
export function createKeystoneAuth(
  config: CloudConfig & { auth: PasswordAuth | ApplicationCredentialAuth },
  deps: { identity: ServiceClient; now: () => number },
): Authenticator {
  const auth = config.auth
  const cached = new Map<Scope, Token>()
  const pending = new Map<Scope, Promise<Token>>()
  const projectScope: TokenScope = config.project.id
    ? { project: { id: config.project.id } }
    : { project: { name: config.project.name, domain: domainRef(config.project.domain) } }

  const context = once(async (): Promise<AuthContext> => {
    const t = (await token('project')).body
    if (!t.project)
      throw new CloudApiError({
        service: 'identity',
        op: 'IssueToken',
        method: 'POST',
        url: config.authUrl,
        kind: 'auth',
        summary: 'the token is not scoped to a project',
        hint: 'set project_name or project_id (application credentials: create one for a project)',
      })
    return {
      projectId: t.project.id,
      projectName: t.project.name,
      domainId: t.project.domain.id,
      domainName: t.project.domain.name,
      userId: t.user.id,
      catalog: t.catalog ?? [],
    }
  })

  const issue = async (scope: Scope): Promise<Token> => {
    if (scope === 'project' || auth.type === 'application_credential')
      return issueToken(deps.identity, tokenRequestBody(auth, projectScope), config.authUrl)
    const d = auth.domain.id || auth.domain.name ? auth.domain : { id: (await context()).domainId }
    return issueToken(
      deps.identity,
      tokenRequestBody(auth, { domain: domainRef(d) }),
      config.authUrl,
    )
  }

  // Application credentials cannot be domain-scoped: IAM calls then use the project token.
  const effective = (scope: Scope): Scope =>
    auth.type === 'application_credential' ? 'project' : scope

  const token = async (want: Scope): Promise<Token> => {
    const scope = effective(want)
    const t = cached.get(scope)
    if (t && deps.now() < t.expiresAt - TOKEN_EXPIRY_MARGIN_MS) return t
    let p = pending.get(scope)
    if (!p) {
      p = issue(scope).finally(() => pending.delete(scope))
      pending.set(scope, p)
    }
    const fresh = await p
    cached.set(scope, fresh)
    return fresh
  }

  return {
    method: auth.type,
    context,
    async headers({ scope }) {
      return { 'X-Auth-Token': (await token(scope)).value }
    },
    renew(scope) {
      cached.delete(effective(scope))
      return true
    },
  }
}
