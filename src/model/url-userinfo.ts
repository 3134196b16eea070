/**
 * User info in URLs (`https://user:password@host/…`): a password written into `auth_url` or an
 * endpoint would otherwise travel into every report, log line and error that shows the URL.
 * Sphere never sends credentials in URLs; it strips them and keeps the URL without them.
 * @module
 */

/** A URL without its user info, and what the user info held. */
export interface SplitUrl {
  /** The URL without user info; the input unchanged when it had none. */
  url: string
  /** True when the input had user info. */
  stripped: boolean
  /** The user name, percent-decoded. */
  username?: string
  /** The password, percent-decoded. */
  password?: string
  /** Every spelling of the password seen (decoded, as written, as re-encoded), for redaction. */
  secrets: string[]
}

// For text that does not parse as a URL: `scheme://userinfo@` up to the host.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#\\]*)@/i

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/**
 * Splits the user info off a URL.
 * @example
 * splitUserinfo('https://bob:pw@iam.example/v3').url // 'https://iam.example/v3'
 */
export function splitUserinfo(url: string): SplitUrl {
  const written = USERINFO.exec(url)
  const writtenPass = written?.[2]?.includes(':')
    ? written[2].slice(written[2].indexOf(':') + 1)
    : undefined
  const u = parse(url)
  if (u && !u.username && !u.password) return { url, stripped: false, secrets: [] }
  if (!u && !written) return { url, stripped: false, secrets: [] }
  const user = u ? u.username : (written?.[2] ?? '').split(':')[0]!
  const pass = u ? u.password : (writtenPass ?? '')
  let rest: string
  if (u) {
    u.username = ''
    u.password = ''
    rest = u.toString()
  } else rest = `${written![1]}${url.slice(written![0].length)}`
  const secrets = pass
    ? [...new Set([decode(pass), pass, ...(writtenPass ? [writtenPass] : [])])]
    : []
  return {
    url: rest,
    stripped: true,
    ...(user ? { username: decode(user) } : {}),
    ...(pass ? { password: decode(pass) } : {}),
    secrets,
  }
}

/** The URL without user info (unchanged when it has none). */
export function withoutUserinfo(url: string): string {
  return splitUserinfo(url).url
}
