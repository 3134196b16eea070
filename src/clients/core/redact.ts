/**
 * The one place that hides secrets: token and signature headers, secret query parameters, secret
 * fields in structured log data, and known secret values (password, SK, application credential
 * secret) wherever they turn up in free text. Everything the transport logs or puts into an error
 * passes through a {@link Redactor}.
 * @module
 */
import { type LogFields, type Logger, type LogLevel, logs } from '../../log/logger.ts'

/** What a redacted value is replaced with. */
export const REDACTED = '***'

/** Headers whose values are credentials (lower case). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'x-auth-token',
  'x-subject-token',
  'x-security-token',
  'x-obs-security-token',
  'x-amz-security-token',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
])

/** Field and query parameter names whose values are secrets (password, token, sk, secret, …). */
const SECRET_NAME =
  /^(sk|secret_?key|access_?secret|signature|x-auth-token|x-subject-token|authorization)$|pass(word|wd)?$|secret$|token$|_secret|credential_secret/i

/**
 * Free-text patterns: `Authorization: …` / `X-Auth-Token: …` lines, `"password": "…"` JSON, and
 * the user info of any URL (`https://bob:pw@host` → `https://***@host`).
 */
const TEXT_PATTERNS: readonly RegExp[] = [
  /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#\\"'<>]{1,1024}(@)/gi,
  /((?:x-auth-token|x-subject-token|x-(?:obs-|amz-)?security-token|authorization)\s*[:=]\s*)[^\r\n,;]+/gi,
  /("(?:password|secret|sk|token|access_secret|securitytoken)"\s*:\s*")(?:[^"\\]|\\.)*(")/gi,
  /(Signature=)[0-9a-f]+/gi,
]

/** Whether a header, field or query parameter with this name carries a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || SECRET_NAME.test(name)
}

/** A copy of `headers` with credential values replaced by `***`. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers)
  for (const [name, value] of entries) out[name] = isSecretName(name) ? REDACTED : value
  return out
}

/**
 * The URL with user info (name and password: either may be a credential) and secret query
 * parameters (`password`, `token`, `sk`, …) hidden.
 */
export function redactUrl(url: string | URL): string {
  let u: URL
  try {
    u = new URL(String(url))
  } catch {
    return redactPatterns(String(url))
  }
  if (u.username || u.password) {
    u.username = REDACTED
    u.password = ''
  }
  for (const key of [...u.searchParams.keys()]) {
    if (isSecretName(key)) u.searchParams.set(key, REDACTED)
  }
  return u.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED)
}

function redactPatterns(text: string): string {
  let out = text
  for (const re of TEXT_PATTERNS) {
    out = out.replace(re, (_m, head: string, tail?: string) =>
      typeof tail === 'string' ? `${head}${REDACTED}${tail}` : `${head}${REDACTED}`,
    )
  }
  return out
}

/** Redacts secrets known by value plus the name-based patterns. */
export interface Redactor {
  /** Free text: every known secret value and `Authorization: …`-style fragments become `***`. */
  text(text: string): string
  url(url: string | URL): string
  headers(headers: Headers | Record<string, string>): Record<string, string>
  /** Structured log fields: secret-named keys hidden, strings passed through {@link Redactor.text}. */
  fields(fields: LogFields): LogFields
  /** Hides these values from now on too (secrets obtained at run time: temporary AK/SK). */
  add(secrets: readonly (string | undefined)[]): void
}

/**
 * Builds a redactor that also hides the given secret values wherever they appear (values shorter
 * than 4 characters are ignored: hiding them would garble ordinary text).
 * @example
 * const r = createRedactor([cfg.auth.password]); r.text(`failed with ${password}`) // 'failed with ***'
 */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  const values: string[] = []
  const encoded: string[] = []
  const add = (more: readonly (string | undefined)[]) => {
    for (const v of more)
      if (v && v.length >= 4 && !values.includes(v)) {
        values.push(v)
        const e = encodeURIComponent(v)
        if (e !== v) encoded.push(e)
      }
    // Longest first, so a secret containing another is hidden whole.
    values.sort((a, b) => b.length - a.length)
    encoded.sort((a, b) => b.length - a.length)
  }
  add(secrets)
  const text = (input: string): string => {
    let out = redactPatterns(input)
    for (const v of [...values, ...encoded]) out = out.replaceAll(v, REDACTED)
    return out
  }
  const fields = (input: LogFields): LogFields => redactValue(input, text) as LogFields
  return {
    text,
    url: (u) => text(redactUrl(u)),
    headers: (h) => {
      const out = redactHeaders(h)
      for (const k of Object.keys(out)) out[k] = text(out[k] ?? '')
      return out
    },
    fields,
    add,
  }
}

function redactValue(value: unknown, text: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return text(value)
  if (value instanceof Error) return text(value.message)
  if (value === null || typeof value !== 'object' || depth > 5) return value
  if (Array.isArray(value)) return value.map((v) => redactValue(v, text, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretName(k) && v !== undefined ? REDACTED : redactValue(v, text, depth + 1)
  }
  return out
}

/** Wraps a logger so that every message and field passes through the redactor first. */
export function redactingLogger(logger: Logger, redactor: Redactor): Logger {
  const wrap =
    (level: LogLevel) =>
    (msg: string, fields?: LogFields): void => {
      if (logs(logger, level))
        logger[level](redactor.text(msg), fields ? redactor.fields(fields) : undefined)
    }
  return {
    debug: wrap('debug'),
    info: wrap('info'),
    warn: wrap('warn'),
    error: wrap('error'),
    enabled: (level) => logs(logger, level),
  }
}
