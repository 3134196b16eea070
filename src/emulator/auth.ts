/**
 * Authenticates requests to the emulated services: `X-Auth-Token` (issued by our Keystone,
 * checked for expiry) or an AK/SK `SDK-HMAC-SHA256` signature over the request, checked with the
 * client's own signer against the access keys of the world's users.
 * @module
 */
import type { Context } from 'hono'
import { verifySignature } from '../clients/core/signer.ts'
import type { ServiceKey } from '../clients/core/types.ts'
import { APIGW, errorBody, gatewayBody, jsonResponse } from './errors.ts'
import type { TokenStore } from './keystone.ts'
import type { User, World } from './world/model.ts'

/** The caller of a request. */
export interface AuthInfo {
  user: User
  via: 'token' | 'aksk'
  /** Project of a project-scoped token; undefined for domain-scoped tokens and AK/SK. */
  tokenProjectId: string | undefined
  /** The access key of an AK/SK request. */
  accessKey?: string
}

/** Either the caller, or the 401 to send. */
export type AuthResult = { ok: true; auth: AuthInfo } | { ok: false; response: Response }

/** Everything authentication needs. */
export interface AuthDeps {
  world: World
  tokens: TokenStore
  clock: () => number
  /** Access key → user and secret (active keys of enabled users only). */
  keys: ReadonlyMap<string, { user: User; secret: string }>
}

/** Active access keys of enabled users. */
export function accessKeyIndex(world: World): Map<string, { user: User; secret: string }> {
  const keys = new Map<string, { user: User; secret: string }>()
  for (const user of world.users)
    if (user.enabled)
      for (const k of user.accessKeys)
        if (k.status === 'active') keys.set(k.access, { user, secret: k.secret })
  return keys
}

function unauthorized(
  service: ServiceKey,
  message: string,
  requestId: string,
  expired = false,
): Response {
  // Keystone and IAM answer themselves; the regional services sit behind the API gateway.
  if (service === 'identity' || service === 'iam')
    return jsonResponse(401, errorBody(service, 401, message, requestId))
  return jsonResponse(
    401,
    gatewayBody(expired ? APIGW.TOKEN_EXPIRED : APIGW.AUTH, message, requestId),
  )
}

/** Checks the request's token or AK/SK signature. */
export async function authenticateRequest(
  c: Context,
  deps: AuthDeps,
  service: ServiceKey,
  requestId: string,
): Promise<AuthResult> {
  const token = c.req.header('X-Auth-Token')
  const authz = c.req.header('Authorization')
  if (token) {
    const info = deps.tokens.lookup(token, deps.clock())
    if (info === 'expired')
      return {
        ok: false,
        response: unauthorized(service, 'The token has expired.', requestId, true),
      }
    const user = info && deps.world.users.find((u) => u.id === info.userId)
    if (!info || !user)
      return {
        ok: false,
        response: unauthorized(
          service,
          'The request you have made requires authentication.',
          requestId,
        ),
      }
    return { ok: true, auth: { user, via: 'token', tokenProjectId: info.projectId } }
  }
  if (authz?.startsWith('SDK-HMAC-SHA256')) {
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text()
    const headers = new Headers(c.req.raw.headers)
    const result = verifySignature(
      { method: c.req.method, url: c.req.url, headers, body },
      (ak) => deps.keys.get(ak)?.secret,
      deps.clock(),
    )
    const entry = result.ok ? deps.keys.get(result.ak) : undefined
    if (!result.ok || !entry)
      return {
        ok: false,
        response: jsonResponse(
          401,
          gatewayBody(
            APIGW.AUTH,
            `Incorrect IAM authentication information: verify aksk signature fail (${result.ok ? 'unknown key' : result.reason})`,
            requestId,
          ),
        ),
      }
    return {
      ok: true,
      auth: { user: entry.user, via: 'aksk', tokenProjectId: undefined, accessKey: result.ak },
    }
  }
  return {
    ok: false,
    response: unauthorized(
      service,
      service === 'identity' || service === 'iam'
        ? 'The request you have made requires authentication.'
        : 'Incorrect IAM authentication information: x-auth-token not found',
      requestId,
    ),
  }
}
