/**
 * Rate limits for one endpoint: at most `concurrency` requests in flight (default 4) and, when
 * `rps` is set, a token bucket that lets through `rps` requests per second with bursts of up to
 * `max(1, rps)`. Waiters are served first come, first served; an aborted waiter leaves the queue.
 * @module
 */
import { realSleep, type Sleep } from './retry.ts'

/** Options of {@link createLimiter}. */
export interface LimiterOptions {
  /** Requests in flight at most (default 4). */
  concurrency?: number
  /** Requests per second at most; unset means unlimited. */
  rps?: number
  now?: () => number
  sleep?: Sleep
}

/** Runs tasks within the limits. */
export interface Limiter {
  /** Waits for a slot (and a token), runs `task`, frees the slot. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** Tasks running now. */
  readonly active: number
  /** Tasks waiting for a slot. */
  readonly queued: number
}

interface Waiter {
  resolve: () => void
  reject: (err: unknown) => void
}

/**
 * Creates a limiter.
 * @example
 * const limit = createLimiter({ concurrency: 4, rps: 10 })
 * const res = await limit.run(() => fetch(url), signal)
 */
export function createLimiter(opts: LimiterOptions = {}): Limiter {
  const max = Math.max(1, Math.floor(opts.concurrency ?? 4))
  const bucket = opts.rps
    ? tokenBucket(opts.rps, opts.now ?? Date.now, opts.sleep ?? realSleep)
    : undefined
  const waiting: Waiter[] = []
  let active = 0

  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (active < max && waiting.length === 0) {
      active++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = waiting.indexOf(w)
        if (i >= 0) waiting.splice(i, 1)
        reject(signal?.reason)
      }
      const w: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        reject,
      }
      waiting.push(w)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
  const release = () => {
    const next = waiting.shift()
    if (next) next.resolve()
    else active--
  }

  return {
    async run(task, signal) {
      await acquire(signal)
      try {
        if (bucket) await bucket.take(signal)
        return await task()
      } finally {
        release()
      }
    },
    get active() {
      return active
    },
    get queued() {
      return waiting.length
    },
  }
}

/** A token bucket refilled at `rps` per second; `take` calls are served in order. */
function tokenBucket(rps: number, now: () => number, sleep: Sleep) {
  const capacity = Math.max(1, rps)
  let tokens = capacity
  let last = now()
  let chain: Promise<void> = Promise.resolve()
  const refill = () => {
    const t = now()
    tokens = Math.min(capacity, tokens + ((t - last) / 1000) * rps)
    last = t
  }
  const takeOne = async (signal?: AbortSignal) => {
    for (;;) {
      refill()
      if (tokens >= 1) {
        tokens -= 1
        return
      }
      await sleep(Math.ceil(((1 - tokens) / rps) * 1000), signal)
    }
  }
  return {
    take(signal?: AbortSignal): Promise<void> {
      const mine = chain.then(() => takeOne(signal))
      chain = mine.catch(() => {})
      return mine
    },
  }
}
