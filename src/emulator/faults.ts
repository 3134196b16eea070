/**
 * Faults on demand: added latency, a per-service token bucket (429 + `Retry-After` beyond it),
 * a random fraction of 500/502/503 or dropped connections, services that always fail, and the
 * counters behind `stats()`. Random choices come from a seeded generator, so a run of requests
 * sent one after another sees the same faults every time.
 * @module
 */
import type { ServiceKey } from '../clients/core/types.ts'
import { createRng, type Rng } from './world/prng.ts'

/** Fault options (also the flags of `sphere emulator`). */
export interface FaultOptions {
  /** Added to every request, in milliseconds. */
  latencyMs?: number
  /** Requests per second per service; beyond it 429 with `Retry-After`. */
  throttleRps?: number
  /** Fraction (0-1) of requests answered 500/502/503 or with a dropped connection. */
  faultRate?: number
  /** Services that answer every request with 503 (failure reported, not hidden). */
  failServices?: readonly ServiceKey[]
  /** Seed of the fault generator (default 1). */
  seed?: number
}

/** What to do with one request. */
export type FaultDecision =
  | { kind: 'pass' }
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'error'; status: 500 | 502 | 503 }
  | { kind: 'drop' }
  | { kind: 'down' }

/** Request and fault counters. */
export interface EmulatorStats {
  requests: { total: number; byService: Partial<Record<ServiceKey, number>> }
  faults: {
    total: number
    throttled: number
    errors: number
    dropped: number
    serviceDown: number
    byService: Partial<Record<ServiceKey, number>>
  }
}

function emptyStats(): EmulatorStats {
  return {
    requests: { total: 0, byService: {} },
    faults: { total: 0, throttled: 0, errors: 0, dropped: 0, serviceDown: 0, byService: {} },
  }
}

const inc = (m: Partial<Record<ServiceKey, number>>, k: ServiceKey) => {
  m[k] = (m[k] ?? 0) + 1
}

/** Decides and counts faults. */
export class FaultInjector {
  private readonly rng: Rng
  private readonly buckets = new Map<ServiceKey, { tokens: number; at: number }>()
  private counters = emptyStats()

  constructor(
    readonly opts: FaultOptions,
    private readonly clock: () => number,
  ) {
    const rate = opts.faultRate ?? 0
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`faultRate must be in [0, 1], got ${rate}`)
    if (opts.throttleRps !== undefined && !(opts.throttleRps > 0))
      throw new RangeError(`throttleRps must be positive, got ${opts.throttleRps}`)
    this.rng = createRng(opts.seed ?? 1)
  }

  /**
   * Counts a request and decides its fate. `exempt` requests (token issuing) skip throttling
   * and random faults so a scan can always start; `failServices: ['identity']` still fails them.
   */
  decide(service: ServiceKey, exempt = false): FaultDecision {
    this.counters.requests.total++
    inc(this.counters.requests.byService, service)
    const d = this.choose(service, exempt)
    if (d.kind !== 'pass') {
      const f = this.counters.faults
      f.total++
      inc(f.byService, service)
      if (d.kind === 'throttle') f.throttled++
      else if (d.kind === 'error') f.errors++
      else if (d.kind === 'drop') f.dropped++
      else f.serviceDown++
    }
    return d
  }

  private choose(service: ServiceKey, exempt: boolean): FaultDecision {
    if (this.opts.failServices?.includes(service)) return { kind: 'down' }
    if (exempt) return { kind: 'pass' }
    const rps = this.opts.throttleRps
    if (rps !== undefined) {
      const wait = this.take(service, rps)
      if (wait > 0) return { kind: 'throttle', retryAfterSeconds: Math.max(1, Math.ceil(wait)) }
    }
    const rate = this.opts.faultRate ?? 0
    if (rate > 0 && this.rng() < rate) {
      const r = this.rng()
      if (r < 0.25) return { kind: 'drop' }
      return { kind: 'error', status: r < 0.5 ? 500 : r < 0.75 ? 502 : 503 }
    }
    return { kind: 'pass' }
  }

  /** Takes a token from the service's bucket; returns 0, or the seconds until one is there. */
  private take(service: ServiceKey, rps: number): number {
    const now = this.clock()
    const capacity = Math.max(1, rps)
    const b = this.buckets.get(service) ?? { tokens: capacity, at: now }
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rps)
    b.at = now
    this.buckets.set(service, b)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return 0
    }
    return (1 - b.tokens) / rps
  }

  stats(): EmulatorStats {
    return structuredClone(this.counters)
  }

  resetStats(): void {
    this.counters = emptyStats()
  }
}
