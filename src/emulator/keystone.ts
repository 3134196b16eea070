/**
 * Keystone: issuing tokens (password and application credentials; project, domain or no scope),
 * remembering them with an expiry, and building the service catalog that points every service
 * at this emulator under its path prefix.
 * @module
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type {
  CatalogEntryWire,
  TokenRequest,
  TokenResponse,
} from '../clients/identity/auth-schemas.ts'
import { defaultVersions, type ServedVersions, servedVersions } from './world/api-versions.ts'
import { hexFor } from './world/ids.ts'
import type { Project, User, World } from './world/model.ts'
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

  issue(info: Omit<TokenInfo, 'expiresAt'>): { token: string; info: TokenInfo } {
    const seed = createHash('sha256').update(`token\u0000${++this.counter}\u0000${info.userId}`)
    const token = `MIIEmulator${seed.digest('base64url')}`
    const full = { ...info, expiresAt: info.issuedAt + this.ttlMs }
    this.tokens.set(token, full)
    return { token, info: full }
  }

  /** The token's info, `expired`, or undefined when unknown. */
  lookup(token: string, now: number): TokenInfo | 'expired' | undefined {
    const info = this.tokens.get(token)
    if (!info) return undefined
    return now >= info.expiresAt ? 'expired' : info
  }
}

type Catalog = z.input<typeof CatalogEntryWire>[]

/**
 * The catalog of one project: every service at `origin` + its prefix, with OTC's types
 * (otc-api.md §1.4), or, for a plain OpenStack world, the types of a Zed control plane
 * (identity, compute, image, network, block-storage + volumev3): no OTC-only type, no CBR,
 * Cloud Eye, CTS or RDS. Services offered in several API versions list only those `versions`
 * (the project's region's) include.
 */
export function buildCatalog(
  origin: string,
  project: Project | undefined,
  cloud: World['cloud'] = 'otc',
  versions: ServedVersions = defaultVersions(cloud),
): Catalog {
  const identity: Catalog[number] = {
    type: 'identity',
    name: 'keystone',
    id: hexFor('catalog', 'identity'),
    endpoints: [
      ...(project ? [endpoint('identity', project.region, `${origin}/identity/v3`)] : []),
      endpoint('identity', '*', `${origin}/identity/v3`),
    ],
  }
  if (!project) return [identity]
  const pid = project.id
  const entries: [type: string, name: string, url: string][] =
    cloud === 'openstack'
      ? openstackEntries(origin, pid, versions)
      : otcEntries(origin, pid, versions)
  return [
    ...entries.map(([type, name, url]) => ({
      type,
      name,
      id: hexFor('catalog', type),
      endpoints: [endpoint(type, project.region, url)],
    })),
    identity,
  ]
}

type Entry = [type: string, name: string, url: string]

function openstackEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  const v2 = has(versions, 'volume', 'v2')
  const v3 = has(versions, 'volume', 'v3')
  return [
    computeEntry(origin, pid, versions),
    ['image', 'glance', `${origin}/image`],
    ['network', 'neutron', `${origin}/network`],
    ...(v3 ? ([['block-storage', 'cinder', `${origin}/volume/v3/${pid}`]] as Entry[]) : []),
    ...(v2 ? ([['volumev2', 'cinderv2', `${origin}/volume/v2/${pid}`]] as Entry[]) : []),
    ...(v3 ? ([['volumev3', 'cinderv3', `${origin}/volume/v3/${pid}`]] as Entry[]) : []),
  ]
}

const has = <S extends keyof ServedVersions>(v: ServedVersions, s: S, version: string) =>
  (v[s] as readonly string[]).includes(version)

/** Nova at v2.1, or at the legacy v2 where the region serves only that (2019's OTC catalog). */
function computeEntry(origin: string, pid: string, versions: ServedVersions): Entry {
  const v = has(versions, 'compute', 'v2.1') ? 'v2.1' : 'v2'
  return ['compute', 'nova', `${origin}/compute/${v}/${pid}`]
}

/** Cinder as OTC's catalog names it: v2 as `volumev2` and `evs`, v3 as `volumev3`. */
function otcVolumeEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  const v2 = has(versions, 'volume', 'v2')
  return [
    ...(v2 ? ([['volumev2', 'cinderv2', `${origin}/volume/v2/${pid}`]] as Entry[]) : []),
    ...(has(versions, 'volume', 'v3')
      ? ([['volumev3', 'cinderv3', `${origin}/volume/v3/${pid}`]] as Entry[])
      : []),
    ...(v2 ? ([['evs', 'evs', `${origin}/volume/v2/${pid}`]] as Entry[]) : []),
  ]
}

/**
 * Cloud Eye and CTS as OTC's catalog names them (otc-api.md §1.4): Cloud Eye v1 as `ces` (no
 * project id) and `cesv1`, CTS v1 as `cts`. OTC's catalog does not list Cloud Eye v2 or CTS v3
 * even where they are served (clients derive them), so `cesv2` and `ctsv3` (newer SDKs' names)
 * appear only for a region that serves that version alone: a version a region does not serve is
 * never listed.
 */
function otcMonitoringEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  const ces: Entry[] = has(versions, 'ces', 'v1')
    ? [
        ['ces', 'cloudeye', `${origin}/ces/V1.0/`],
        ['cesv1', 'cesv1', `${origin}/ces/V1.0/${pid}`],
      ]
    : [['cesv2', 'cesv2', `${origin}/ces/v2/${pid}`]]
  const cts: Entry = has(versions, 'cts', 'v1')
    ? ['cts', 'cts', `${origin}/cts/v1.0/${pid}`]
    : ['ctsv3', 'ctsv3', `${origin}/cts/v3/${pid}`]
  return [...ces, cts]
}

function otcEntries(origin: string, pid: string, versions: ServedVersions): Entry[] {
  return [
    computeEntry(origin, pid, versions),
    ['image', 'glance', `${origin}/image`],
    ['network', 'neutron', `${origin}/network`],
    ...otcVolumeEntries(origin, pid, versions),
    ['cbr', 'cbr', `${origin}/cbr/v3/${pid}`],
    ...otcMonitoringEntries(origin, pid, versions),
    ['rdsv3', 'rdsv3', `${origin}/rds/v3/${pid}`],
  ]
}

function endpoint(type: string, region: string, url: string): Catalog[number]['endpoints'][number] {
  return {
    id: hexFor('endpoint', type, region),
    interface: 'public',
    region,
    region_id: region,
    url,
  }
}

/** The catalog of `project` in `world`, with the versions the project's region serves. */
export function catalogOf(world: World, origin: string, project: Project | undefined): Catalog {
  const versions = project ? servedVersions(world.apiVersions, project.region) : undefined
  return buildCatalog(origin, project, world.cloud, versions)
}

/** Why a token request was refused (Keystone answers 401, or 400 for a malformed body). */
export class AuthFailure extends Error {
  constructor(
    readonly status: 400 | 401,
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

/** The user behind the credentials, and the project an application credential is bound to. */
function authenticate(world: World, auth: Auth, now: number): { user: User; projectId?: string } {
  const id = auth.identity
  if (id.methods.includes('password') && id.password) {
    const u = id.password.user
    const user = world.users.find((x) =>
      u.id !== undefined ? x.id === u.id : x.name === u.name && matchesDomain(world, u.domain),
    )
    if (!user?.enabled || user.password === undefined || user.password !== u.password)
      throw new AuthFailure(401, UNAUTHORIZED)
    return { user }
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
    return { user, projectId: cred.projectId }
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
  opts: { now: number; origin: string; catalog: boolean },
): { token: string; body: z.input<typeof TokenResponse> } {
  const { user, projectId: boundProject } = authenticate(world, request.auth, opts.now)
  const projectId = boundProject ?? scope(world, request.auth)
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
  const { token, info } = store.issue({
    userId: user.id,
    methods: request.auth.identity.methods,
    issuedAt: opts.now,
    projectId,
  })
  const project = world.projects.find((p) => p.id === projectId)
  const domain = { id: world.domain.id, name: world.domain.name }
  const body = {
    token: {
      methods: info.methods,
      expires_at: fmt.isoMicrosZ(info.expiresAt),
      issued_at: fmt.isoMicrosZ(info.issuedAt),
      ...(opts.catalog ? { catalog: catalogOf(world, opts.origin, project) } : {}),
      ...(project ? { project: { id: project.id, name: project.name, domain } } : { domain }),
      user: { id: user.id, name: user.name, domain },
      roles: [roleOf(world.cloud, isAdmin)],
    },
  } satisfies z.input<typeof TokenResponse>
  return { token, body }
}
