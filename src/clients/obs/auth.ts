/**
 * How OBS requests are authenticated (otc-api-platform.md §2.3): OBS takes no token, only AK/SK
 * signatures. With AK/SK configured those keys sign; with a password or application-credential
 * login, a temporary AK/SK + security token is obtained from IAM
 * (`POST /v3.0/OS-CREDENTIAL/securitytokens`) and renewed before it expires. The temporary
 * secrets are handed to the redactor at once, so no log line or error can show them.
 * @module
 */
import type { RequestAuth } from '../core/service-client.ts'
import type { ServiceClient } from '../core/types.ts'
import { pathStyle } from './buckets.ts'
import { SecurityTokenResponse } from './schemas.ts'
import { type ObsCredentials, type ObsSignature, signObsRequest } from './signing.ts'

/** Lifetime asked for (IAM allows 900-86400 s). */
export const TEMP_CREDENTIAL_SECONDS = 3600
/** Renewed this long before IAM's `expires_at`. */
const RENEW_BEFORE_MS = 5 * 60_000

/** What {@link createObsAuth} needs. */
export interface ObsAuthDeps {
  /** The OBS endpoint the client is bound to (for the V2 CanonicalizedResource). */
  endpoint: string
  region: string
  now: () => number
  /** Permanent keys, or undefined to obtain temporary ones from IAM. */
  keys?: ObsCredentials
  /** The IAM client (token-authenticated), for temporary keys. */
  iam?: () => Promise<ServiceClient>
  /** Called with secrets obtained at run time, before they are used. */
  secret: (values: readonly string[]) => void
  signature?: ObsSignature
}

/** The temporary AK/SK + security token of IAM (201). */
export async function createTemporaryCredentials(
  iam: ServiceClient,
  seconds = TEMP_CREDENTIAL_SECONDS,
): Promise<ObsCredentials & { expiresAt: number }> {
  const res = await iam.request(
    {
      op: 'CreateTemporaryAccessKey',
      method: 'POST',
      path: '/v3.0/OS-CREDENTIAL/securitytokens',
      scope: 'project',
      body: { auth: { identity: { methods: ['token'], token: { duration_seconds: seconds } } } },
      expect: [201],
      // Safe to send again: a second answer is just another short-lived key pair.
      idempotent: true,
    },
    SecurityTokenResponse,
  )
  const c = res.body.credential
  return {
    ak: c.access,
    sk: c.secret,
    securityToken: c.securitytoken,
    expiresAt: Date.parse(c.expires_at),
  }
}

/**
 * The V2 CanonicalizedResource of a request: `/` for the service, `/<bucket>/<key>` for a
 * bucket addressed by host (`b.obs…`) or by path (`<endpoint>/b/…`).
 */
export function canonicalResource(endpoint: string, url: URL): string {
  const e = new URL(endpoint)
  if (
    !pathStyle(endpoint) &&
    url.hostname !== e.hostname &&
    url.hostname.endsWith(`.${e.hostname}`)
  )
    return `/${url.hostname.slice(0, -e.hostname.length - 1)}${url.pathname}`
  const prefix = e.pathname.replace(/\/+$/, '')
  const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname
  return rest === '' ? '/' : rest
}

/** Signs OBS requests (SigV4 by default, the S3 dialect). */
export function createObsAuth(deps: ObsAuthDeps): RequestAuth {
  let temp: Promise<ObsCredentials & { expiresAt: number }> | undefined
  const credentials = async (): Promise<ObsCredentials> => {
    if (deps.keys) return deps.keys
    if (!deps.iam) throw new Error('OBS needs AK/SK or a token login to obtain temporary keys')
    const current = temp && (await temp.catch(() => undefined))
    if (!current || current.expiresAt - RENEW_BEFORE_MS <= deps.now()) {
      temp = deps.iam().then(async (iam) => {
        const c = await createTemporaryCredentials(iam)
        deps.secret([c.sk, c.securityToken ?? ''])
        return c
      })
    }
    return temp!
  }
  return {
    async headers(req) {
      const creds = await credentials()
      return signObsRequest(req, creds, {
        signature: deps.signature ?? 'v4',
        region: deps.region,
        now: deps.now(),
        resource: canonicalResource(deps.endpoint, req.url),
      })
    },
    renew() {
      if (deps.keys) return false
      temp = undefined
      return true
    },
  }
}
