/**
 * The dashboard's protections: a strict Content-Security-Policy (scripts and styles only from
 * the dashboard's own files, nothing inline, no framing) and the other security headers on every
 * answer; with an auth token, every route, API and static files included, needs it (as
 * `Authorization: Bearer …`, or the cookie that `?token=…` sets once).
 * @module
 */
import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'

/** The Content-Security-Policy of every answer. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Sets the security headers on every response. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  c.header('Content-Security-Policy', CSP)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Frame-Options', 'DENY')
  c.header('Cache-Control', 'no-store')
}

const COOKIE = 'sphere_token'

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === COOKIE) return decodeURIComponent(v.join('='))
  }
  return undefined
}

/** Requires `token` on every request (no token: everything is open, for 127.0.0.1). */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next()
    const url = new URL(c.req.url)
    const fromQuery = url.searchParams.get('token')
    if (fromQuery !== null && same(fromQuery, token)) {
      url.searchParams.delete('token')
      c.header(
        'Set-Cookie',
        `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      )
      return c.redirect(`${url.pathname}${url.search}`, 303)
    }
    const auth = c.req.header('authorization')
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined
    const given = bearer ?? cookieToken(c.req.header('cookie'))
    if (given !== undefined && same(given, token)) return next()
    c.header('WWW-Authenticate', 'Bearer realm="sphere"')
    return c.text(
      '401 Unauthorized: this dashboard needs its auth token (Authorization: Bearer …, or open it once with ?token=…)\n',
      401,
    )
  }
}
