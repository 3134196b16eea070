/**
 * Tokens issued by another emulator's Keystone: an emulator that serves only the regional
 * services (see `EmulatorOptions.identityUrl`) asks that Keystone about a token it does not know,
 * as an OpenStack service's keystonemiddleware does (`GET /v3/auth/tokens` with the token in
 * `X-Subject-Token`), and remembers the answer, so each token is asked about once.
 * @module
 */
import type { TokenInfo, TokenStore } from './keystone.ts'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** The Keystone of `identityUrl` could not be asked (not a loopback URL, or it did not answer). */
export class RemoteTokenError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'RemoteTokenError'
  }
}

/** What Keystone's validation answers (the parts a token's holder is known by). */
interface ValidationBody {
  token?: {
    methods?: unknown
    issued_at?: unknown
    expires_at?: unknown
    user?: { id?: unknown }
    project?: { id?: unknown }
  }
}

/** The token's holder and scope from a validation body, or undefined when it lacks them. */
export function tokenInfoOf(body: unknown): TokenInfo | undefined {
  const t = (body as ValidationBody | null)?.token
  const userId = t?.user?.id
  const issuedAt = typeof t?.issued_at === 'string' ? Date.parse(t.issued_at) : Number.NaN
  const expiresAt = typeof t?.expires_at === 'string' ? Date.parse(t.expires_at) : Number.NaN
  const methods = Array.isArray(t?.methods) ? t.methods.filter((m) => typeof m === 'string') : []
  if (typeof userId !== 'string' || Number.isNaN(issuedAt) || Number.isNaN(expiresAt))
    return undefined
  const projectId = typeof t?.project?.id === 'string' ? t.project.id : undefined
  return { userId, methods, issuedAt, expiresAt, projectId }
}

/**
 * Learns tokens from the Keystone at `identityUrl` (an emulator's origin on loopback) into `store`.
 * @throws {RemoteTokenError} when `identityUrl` is not a loopback http URL
 */
export function remoteTokens(
  identityUrl: string,
  store: TokenStore,
  clock: () => number,
): (token: string | undefined) => Promise<void> {
  let origin: URL
  try {
    origin = new URL(identityUrl)
  } catch (err) {
    throw new RemoteTokenError(`identityUrl is not a URL: ${identityUrl}`, { cause: err })
  }
  if (origin.protocol !== 'http:' || !LOOPBACK_HOSTS.has(origin.hostname))
    throw new RemoteTokenError(`identityUrl must be an http URL on loopback, not ${identityUrl}`)
  const validateUrl = `${origin.origin}/identity/v3/auth/tokens?nocatalog`
  const asked = new Map<string, Promise<void>>()

  async function ask(token: string): Promise<void> {
    let res: Response
    try {
      res = await fetch(validateUrl, {
        headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
      })
    } catch (err) {
      throw new RemoteTokenError(`the Keystone at ${origin.origin} did not answer`, { cause: err })
    }
    const body: unknown = await res.json().catch(() => undefined)
    const info = res.ok ? tokenInfoOf(body) : undefined
    if (info) store.remember(token, info)
  }

  return (token) => {
    if (!token || store.lookup(token, clock()) !== undefined) return Promise.resolve()
    let pending = asked.get(token)
    if (!pending) {
      // A refused token is asked about again next time (it may be one being issued right now).
      pending = ask(token).finally(() => asked.delete(token))
      asked.set(token, pending)
    }
    return pending
  }
}
