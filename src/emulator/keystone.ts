/**
 * Keystone: issuing tokens (password and application credentials; project, domain or no scope),
 * remembering them with an expiry, with the service catalog (`catalog.ts`) that points every
 * service at this emulator under its path prefix.
 * @module
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { TokenRequest, TokenResponse } from '../clients/identity/auth-schemas.ts'
import { catalogOf } from './catalog.ts'
import { hexFor } from './world/ids.ts'
import type { User, World } from './world/model.ts'
import { fmt } from './world/time.ts'

/** Path prefix of each emulated service on the one origin. */
export const SERVICE_PREFIX = {
  identity: '/identity',
  iam: '/identity',
  compute: '/compute',
  image: '/image',
  network: '/network',
  volume: '/volume',
  cbr: '/cbr',
  ces: '/ces',
  cts: '/cts',
  rds: '/rds',
  obs: '/obs',
  kms: '/kms',
  dcs: '/dcs',
  elb: '/elb',
  vpc: '/vpc',
  cce: '/cce',
} as const

/** Who a token was issued to and for what. */
export interface TokenInfo {
  userId: string
  methods: string[]
  issuedAt: number
  expiresAt: number
  /** The project of a project-scoped token; undefined for a domain-scoped one. */
  projectId: string | undefined
}

/** Issued tokens, in memory. Token strings are derived from a counter, so runs repeat. */
export class TokenStore {
  private readonly tokens = new Map<string, TokenInfo>()
  private counter = 0

  constructor(private readonly ttlMs: number) {}

  /** Issues a token; it expires after the TTL, or at `expiresAt` (a re-scoped token keeps its origin's). */
  issue(
    info: Omit<TokenInfo, 'expiresAt'>,
    expiresAt = info.issuedAt + this.ttlMs,
  ): { token: string; info: TokenInfo } {
    const seed = createHash('sha256').update(`token\u0000${++this.counter}\u0000${info.userId}`)
    const token = `MIIEmulator${seed.digest('base64url')}`
    const full = { ...info, expiresAt }
    this.tokens.set(token, full)
    return { token, info: full }
  }

  /**
   * Keeps a token another Keystone issued and validated (see `auth.ts`), so that it is asked
   * once per token, as keystonemiddleware caches a validation.
   */
  remember(token: string, info: TokenInfo): void {
    this.tokens.set(token, info)
  }

  /** The token's info, `expired`, or undefined when unknown. */
  lookup(token: string, now: number): TokenInfo | 'expired' | undefined {
    const info = this.tokens.get(token)
    if (!info) return undefined
    return now >= info.expiresAt ? 'expired' : info
  }
}

/** Why a token request was refused (Keystone answers 401, 403 for a forbidden re-scope, or 400). */
export class AuthFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    message: string,
  ) {
    super(message)
  }
}

const UNAUTHORIZED = 'The request you have made requires authentication.'

type Auth = TokenRequest['auth']

function matchesDomain(world: World, ref: { id?: string; name?: string } | undefined): boolean {
  return ref !== undefined && (ref.id === world.domain.id || ref.name === world.domain.name)
}

/** Who authenticated, and what the credentials fix: a bound project, an expiry, prior methods. */
interface Authenticated {
  user: User
  /** The project an application credential (or a token made from one) is bound to. */
  projectId?: string
  /** A re-scoped token keeps the expiry of the token it was made from (Keystone). */
  expiresAt?: number
  methods: string[]
}

/**
 * `methods: ["token"]`: re-scoping an unexpired token of ours (otc-api-platform.md §9.4 option 2).
 * As Keystone: the new token keeps the old one's expiry and methods; `allow_rescope_scoped_token`
 * off refuses with 403 (on OTC every token is scoped, so that refuses every re-scope).
 */
function fromToken(world: World, store: TokenStore, tokenId: string, now: number): Authenticated {
  const info = store.lookup(tokenId, now)
  const user =
    info && info !== 'expired' ? world.users.find((u) => u.id === info.userId) : undefined
  if (!info || info === 'expired' || !user?.enabled) throw new AuthFailure(401, UNAUTHORIZED)
  if (!world.allowTokenRescope)
    throw new AuthFailure(
      403,
      'You are not authorized to perform the requested action: rescope a scoped token.',
    )
  return {
    user,
    projectId: info.methods.includes('application_credential') ? info.projectId : undefined,
    expiresAt: info.expiresAt,
    methods: ['token', ...info.methods.filter((m) => m !== 'token')],
  }
}

/** The user behind the credentials, and the project an application credential is bound to. */
function authenticate(world: World, store: TokenStore, auth: Auth, now: number): Authenticated {
  const id = auth.identity
  if (id.methods.includes('token') && id.token) return fromToken(world, store, id.token.id, now)
  if (id.methods.includes('password') && id.password) {
    const u = id.password.user
    const user = world.users.find((x) =>
      u.id !== undefined ? x.id === u.id : x.name === u.name && matchesDomain(world, u.domain),
    )
    if (!user?.enabled || user.password === undefined || user.password !== u.password)
      throw new AuthFailure(401, UNAUTHORIZED)
    return { user, methods: id.methods }
  }
  if (id.methods.includes('application_credential') && id.application_credential) {
    const a = id.application_credential
    const cred = world.applicationCredentials.find((x) => {
      if (a.id !== undefined) return x.id === a.id
      const owner = world.users.find((u) => u.id === x.userId)
      return (
        x.name === a.name &&
        (a.user?.id === owner?.id ||
          (a.user?.name === owner?.name && matchesDomain(world, a.user?.domain)))
      )
    })
    const user = world.users.find((u) => u.id === cred?.userId)
    if (
      !cred ||
      !user?.enabled ||
      cred.secret !== a.secret ||
      (cred.expiresAt !== null && cred.expiresAt <= now)
    )
      throw new AuthFailure(401, UNAUTHORIZED)
    return { user, projectId: cred.projectId, methods: id.methods }
  }
  throw new AuthFailure(401, `Unsupported authentication method: ${id.methods.join(', ')}`)
}

/** Resolves the requested scope: a project id, or undefined for a domain-scoped token. */
function scope(world: World, auth: Auth): string | undefined {
  const s = auth.scope
  if (s?.project) {
    const p = s.project
    const project = world.projects.find((x) =>
      p.id !== undefined ? x.id === p.id : x.name === p.name && matchesDomain(world, p.domain),
    )
    if (!project) throw new AuthFailure(401, `Could not find project: ${p.id ?? p.name}`)
    return project.id
  }
  if (s?.domain && !matchesDomain(world, s.domain))
    throw new AuthFailure(401, `Could not find domain: ${s.domain.id ?? s.domain.name}`)
  return undefined
}

/**
 * The project the new token is for (undefined: domain-scoped). A user without a role in the
 * project gets Keystone's 401 ("User … has no access to project …", shown to the client as the
 * generic message, as Keystone hides the reason unless `insecure_debug` is on). A token bound to
 * a project (application credential) cannot be scoped to another one.
 */
function scopeFor(world: World, auth: Auth, authn: Authenticated): string | undefined {
  const requested = auth.scope?.project || auth.scope?.domain ? scope(world, auth) : undefined
  const projectId = authn.projectId ?? requested
  if (authn.projectId !== undefined && requested !== undefined && requested !== authn.projectId)
    throw new AuthFailure(401, UNAUTHORIZED)
  if (projectId !== undefined && !authn.user.projectIds.includes(projectId))
    throw new AuthFailure(401, UNAUTHORIZED)
  return projectId
}

/** The token's role: OTC's `te_admin`/`readonly`, Keystone's `admin`/`reader`. */
function roleOf(cloud: World['cloud'], isAdmin: boolean): { id: string; name: string } {
  const name =
    cloud === 'openstack' ? (isAdmin ? 'admin' : 'reader') : isAdmin ? 'te_admin' : 'readonly'
  return { id: hexFor('role', name), name }
}

/** Handles POST /v3/auth/tokens: checks credentials, issues a token, renders the body. */
export function issueToken(
  world: World,
  store: TokenStore,
  request: TokenRequest,
  opts: BodyOptions & { now: number },
): { token: string; body: z.input<typeof TokenResponse> } {
  const authn = authenticate(world, store, request.auth, opts.now)
  const { user } = authn
  const projectId = scopeFor(world, request.auth, authn)
  const isAdmin = user.groupIds.includes(world.groups.find((g) => g.name === 'admin')?.id ?? '')
  // A plain Keystone gives a domain-scoped token only to users with a role on the domain; a
  // project reader gets 401 (the devcloud's sphere-scanner does). OTC gives one to every user.
  if (
    world.cloud === 'openstack' &&
    projectId === undefined &&
    request.auth.scope?.domain &&
    !isAdmin &&
    !user.isDomainOwner
  )
    throw new AuthFailure(401, UNAUTHORIZED)
  const { token, info } = store.issue(
    { userId: user.id, methods: authn.methods, issuedAt: opts.now, projectId },
    authn.expiresAt,
  )
  return { token, body: tokenBody(world, user, info, opts) }
}

/** Where a token body's catalog points (see {@link tokenBody}). */
export interface BodyOptions {
  /** This Keystone's origin. */
  origin: string
  /** Include the catalog (`?nocatalog` leaves it out). */
  catalog: boolean
  /** Where the regional services are, when another emulator serves them (default `origin`). */
  servicesOrigin?: string
}

/** The body Keystone answers a token request, or a validation, with. */
export function tokenBody(
  world: World,
  user: User,
  info: TokenInfo,
  opts: BodyOptions,
): z.input<typeof TokenResponse> {
  const isAdmin = user.groupIds.includes(world.groups.find((g) => g.name === 'admin')?.id ?? '')
  const project = world.projects.find((p) => p.id === info.projectId)
  const domain = { id: world.domain.id, name: world.domain.name }
  return {
    token: {
      methods: info.methods,
      expires_at: fmt.isoMicrosZ(info.expiresAt),
      issued_at: fmt.isoMicrosZ(info.issuedAt),
      ...(opts.catalog
        ? { catalog: catalogOf(world, opts.origin, project, opts.servicesOrigin) }
        : {}),
      ...(project ? { project: { id: project.id, name: project.name, domain } } : { domain }),
      user: { id: user.id, name: user.name, domain },
      roles: [roleOf(world.cloud, isAdmin)],
    },
  } satisfies z.input<typeof TokenResponse>
}
