/**
 * Logging: a small interface the library receives as a parameter, a no-op default and a stderr
 * writer for the CLI. Field names are fixed (`service`, `region`, `op`, `status`, `attempt`,
 * `durationMs`, `checkId`). Redaction of secrets happens before a message reaches a logger (see
 * `clients/core/redact.ts`); the stderr logger can apply one more `redact` pass over each line.
 * @module
 */

/** Severity, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Structured data attached to a log line. */
export type LogFields = Record<string, unknown>

/** Where the library reports what it does. Each method takes a short message and fields. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  /**
   * Whether a line of `level` would be written. Absent: assume it would. Hot paths (one debug
   * record per HTTP request) ask first, so nothing is built or redacted for a dropped line.
   */
  enabled?(level: LogLevel): boolean
}

/** Whether `logger` writes lines of `level` (a logger that cannot say is assumed to). */
export function logs(logger: Logger, level: LogLevel): boolean {
  return logger.enabled ? logger.enabled(level) : true
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error']

/** A logger that drops everything: the library's default. */
export const noopLogger: Logger = Object.freeze({
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  enabled: () => false,
})

/** Options of {@link createStderrLogger}. */
export interface StderrLoggerOptions {
  /** Where lines go; the CLI passes `process.stderr`. */
  stream: { write(chunk: string): unknown }
  /** Lowest level written (default `info`; `--debug` sets `debug`). */
  level?: LogLevel
  /** `text` (default): `level msg key=value …`; `json`: one JSON object per line. */
  format?: 'text' | 'json'
  /** Clock for the JSON `time` field (text lines carry no time, so they stay diffable). */
  now?: () => number
  /** Last-resort redaction applied to each finished line. */
  redact?: (line: string) => string
}

/**
 * A logger writing one line per call to a stream (stderr in the CLI).
 * @example
 * const log = createStderrLogger({ stream: process.stderr, level: args.debug ? 'debug' : 'info' })
 * log.debug('http', { service: 'compute', op: 'ListServers', status: 200, durationMs: 41 })
 * // debug http service=compute op=ListServers status=200 durationMs=41
 */
export function createStderrLogger(opts: StderrLoggerOptions): Logger {
  const min = LEVELS.indexOf(opts.level ?? 'info')
  const redact = opts.redact ?? ((s: string) => s)
  const now = opts.now ?? Date.now
  const emit =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}): void => {
      if (LEVELS.indexOf(level) < min) return
      const line =
        opts.format === 'json'
          ? JSON.stringify({ time: new Date(now()).toISOString(), level, msg, ...fields }, jsonSafe)
          : formatText(level, msg, fields)
      opts.stream.write(`${redact(line)}\n`)
    }
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    enabled: (level) => LEVELS.indexOf(level) >= min,
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message }
  if (typeof value === 'bigint') return value.toString()
  return value
}

/** `level msg key=value …`; values with spaces or quotes are JSON-quoted; control chars escaped. */
export function formatText(level: LogLevel, msg: string, fields: LogFields): string {
  const parts = [level, clean(msg)]
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue
    parts.push(`${k}=${formatValue(v)}`)
  }
  return parts.join(' ')
}

function formatValue(v: unknown): string {
  let s: string
  if (v instanceof Error) s = v.message
  else if (typeof v === 'string') s = v
  else if (typeof v === 'object' && v !== null) s = JSON.stringify(v, jsonSafe)
  else s = String(v)
  return /[\s"=]/.test(s) || s === '' ? JSON.stringify(s) : clean(s)
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => JSON.stringify(c).slice(1, -1))
}
