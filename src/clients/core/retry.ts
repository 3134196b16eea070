/**
 * Retries by error class, in one place. `throttled` (429), `transient` (500/502/503/504), request
 * timeouts and socket failures are retried, for idempotent requests only (GET/HEAD or
 * `idempotent: true`); a refused connection is retried for any method since nothing was sent.
 * Everything else fails at once, and a caller's abort is never retried. Backoff is full jitter,
 * `random() * min(cap, base * 2^retry)`; a `Retry-After` from the server wins, up to a bound.
 * @module
 */
import { setTimeout as delay } from 'node:timers/promises'
import { CloudApiError, socketErrorCode } from './errors.ts'

/** How often and how long to retry. */
export interface RetryPolicy {
  /** Attempts in total, including the first (default 5). */
  maxAttempts: number
  /** First backoff window in ms (default 500). */
  baseDelayMs: number
  /** Largest backoff window in ms (default 20 s). */
  maxDelayMs: number
  /** Longest `Retry-After` honoured, in ms (default 30 s); longer values are cut to this. */
  maxRetryAfterMs: number
}

/** The default {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 30_000,
})

/** Socket failures worth another try on an idempotent request. */
const RETRYABLE_SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
])

/** Sleeps `ms`, rejecting when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** The real {@link Sleep}. */
export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal })
}

/** Whether `err` may be retried. */
export function isRetryable(err: unknown, idempotent: boolean): boolean {
  if (!(err instanceof CloudApiError)) return false
  switch (err.kind) {
    case 'throttled':
    case 'transient':
    case 'timeout':
      return idempotent
    case 'network': {
      const code = socketErrorCode(err.cause)
      if (code === 'ECONNREFUSED') return true
      return idempotent && code !== undefined && RETRYABLE_SOCKET_CODES.has(code)
    }
    default:
      return false
  }
}

/** Full-jitter backoff for retry number `retry` (0 = before the second attempt). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry)
  return Math.floor(random() * window)
}

/**
 * Parses `Retry-After` (seconds or an HTTP date) into ms from `nowMs`; undefined when absent or
 * unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined
  const v = value.trim()
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000)
  const at = Date.parse(v)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/** Dependencies of {@link withRetry}, injectable for tests. */
export interface RetryDeps {
  sleep: Sleep
  random: () => number
  /** The run's signal: aborting it ends the loop at once. */
  signal?: AbortSignal
  /** Clock for `deadline` (default `Date.now`). */
  now?: () => number
}

/** Options of one {@link withRetry} loop. */
export interface RetryOptions {
  idempotent: boolean
  policy?: RetryPolicy
  /** Epoch ms after which no retry starts (the call's budget); needs `deps.now`. */
  deadline?: number
  /** Called before each wait (for logs and stats). */
  onRetry?: (info: { attempt: number; delayMs: number; error: CloudApiError }) => void
}

/**
 * Runs `fn(attempt)` (1-based) until it succeeds, fails with a non-retryable error or runs out of
 * attempts. The error thrown carries `attempts` and the total `retryDelayMs`.
 * @example
 * const res = await withRetry((n) => sendOnce(req, n), { idempotent: true }, { sleep, random: Math.random })
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions,
  deps: RetryDeps,
): Promise<T> {
  const policy = opts.policy ?? DEFAULT_RETRY_POLICY
  let waited = 0
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      const retry =
        attempt < policy.maxAttempts && !deps.signal?.aborted && isRetryable(err, opts.idempotent)
      if (!retry) throw err instanceof CloudApiError ? err.recordAttempts(attempt, waited) : err
      const e = err as CloudApiError
      const ms =
        e.retryAfterMs !== undefined
          ? Math.min(e.retryAfterMs, policy.maxRetryAfterMs)
          : backoffDelay(attempt - 1, policy, deps.random)
      // Out of budget: a retry that would start after the deadline cannot be answered in time.
      if (opts.deadline !== undefined && (deps.now ?? Date.now)() + ms >= opts.deadline)
        throw e.recordAttempts(attempt, waited)
      opts.onRetry?.({ attempt, delayMs: ms, error: e })
      try {
        await deps.sleep(ms, deps.signal)
      } catch (abort) {
        throw e
          .with({ kind: 'aborted', summary: 'aborted while waiting to retry' }, abort)
          .recordAttempts(attempt, waited)
      }
      waited += ms
    }
  }
}
