/**
 * Rate limits for one endpoint: at most `concurrency` requests in flight (default 4) and, when
 * `rps` is set, a token bucket that lets through `rps` requests per second with bursts of up to
 * `max(1, rps)`. Waiters are served first come, first served, except that `critical` waiters (the
 * scan's longest dependency chain, the IAM users → keys → last use) go before all others; an
 * aborted waiter leaves the queue.
 * @module
 */
import { onAbort } from './abort-link.ts'
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
  /**
   * Waits for a slot (and a token), runs `task`, frees the slot. A `critical` task is served
   * before every non-critical one that waits.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal, critical?: boolean): Promise<T>
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
  // Critical waiters first, then the others; first come, first served within each.
  const urgent = fifo()
  const normal = fifo()
  let active = 0

  const acquire = (signal: AbortSignal | undefined, critical: boolean): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (active < max && urgent.size() === 0 && normal.size() === 0) {
      active++
      return Promise.resolve()
    }
    const queue = critical ? urgent : normal
    return new Promise<void>((resolve, reject) => {
      let off: (() => void) | undefined
      const w: Waiter = {
        resolve: () => {
          off?.()
          resolve()
        },
        reject,
      }
      queue.push(w)
      // One shared listener per signal (abort-link.ts), not one per waiter.
      if (signal)
        off = onAbort(signal, () => {
          queue.remove(w)
          reject(signal.reason)
        })
    })
  }
  const release = () => {
    const next = urgent.shift() ?? normal.shift()
    if (next) next.resolve()
    else active--
  }

  return {
    async run(task, signal, critical = false) {
      await acquire(signal, critical)
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
      return urgent.size() + normal.size()
    },
  }
}

/** A first-in first-out queue of waiters: an array with a moving head, no `shift` per release. */
function fifo() {
  let items: (Waiter | undefined)[] = []
  let head = 0
  let count = 0
  return {
    push: (w: Waiter) => {
      items.push(w)
      count++
    },
    shift: (): Waiter | undefined => {
      while (head < items.length) {
        const w = items[head]
        items[head++] = undefined
        if (!w) continue
        count--
        if (head > 1024 && head * 2 > items.length) {
          items = items.slice(head)
          head = 0
        }
        return w
      }
      return undefined
    },
    /** Takes an aborted waiter out (rare: a linear search is fine). */
    remove: (w: Waiter) => {
      const i = items.indexOf(w, head)
      if (i < 0) return
      items[i] = undefined
      count--
    },
    size: () => count,
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
