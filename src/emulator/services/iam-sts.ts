/**
 * IAM temporary access keys (otc-api-platform.md §2.3): `POST /v3.0/OS-CREDENTIAL/securitytokens`
 * with a user token in `X-Auth-Token` (the header wins over the body's `token.id`), answered
 * 201 with an AK, SK and security token valid for `duration_seconds` (900-86400, default 900).
 * Issued keys sign OBS requests (checked with the token) until they expire.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { type EmulatorEnv, failFor, type Shared } from '../_route.ts'
import { authenticateRequest } from '../auth.ts'
import { hexFor } from '../world/ids.ts'
import type { User } from '../world/model.ts'

/** A temporary key: who it acts for, its secret and token, and when it ends. */
export interface TemporaryKey {
  user: User
  secret: string
  securityToken: string
  expiresAt: number
}

const Body = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).refine((m) => m.includes('token'), 'expected methods ["token"]'),
      token: z
        .object({
          id: z.string().optional(),
          duration_seconds: z.int().min(900).max(86_400).optional(),
        })
        .optional(),
    }),
  }),
})

/** The route; keys it issues are added to `temporary`. */
export function stsRoutes(shared: Shared, temporary: Map<string, TemporaryKey>): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  let issued = 0
  app.post('/v3.0/OS-CREDENTIAL/securitytokens', async (c) => {
    const authn = await authenticateRequest(c, shared, 'iam', c.get('requestId'))
    if (!authn.ok) return authn.response
    if (authn.auth.via !== 'token') return failFor(c, 403, 'A temporary AK/SK needs a token.')
    let raw: unknown
    try {
      raw = await c.req.json()
    } catch {
      return failFor(c, 400, 'The request body is not valid JSON.')
    }
    const parsed = Body.safeParse(raw)
    if (!parsed.success)
      return failFor(c, 400, `Invalid request: ${parsed.error.issues[0]?.message}`)
    const seconds = parsed.data.auth.identity.token?.duration_seconds ?? 900
    const n = String(++issued)
    const access = hexFor('temp-ak', n).slice(0, 20).toUpperCase()
    const key: TemporaryKey = {
      user: authn.auth.user,
      secret: hexFor('temp-sk', n).slice(0, 40),
      securityToken: `gAAAAA${hexFor('temp-token', n)}`,
      expiresAt: shared.clock() + seconds * 1000,
    }
    temporary.set(access, key)
    return c.json(
      {
        credential: {
          access,
          secret: key.secret,
          expires_at: new Date(key.expiresAt).toISOString().replace('Z', '000Z'),
          securitytoken: key.securityToken,
        },
      },
      201,
    )
  })
  return app
}
