/**
 * What load the emulator saw per service: the most requests in flight at once and the most
 * requests that arrived within any one second. Tests use it to prove that the client's
 * concurrency and rate limits hold; the benchmark prints it.
 * @module
 */
import type { ServiceKey } from '../clients/core/types.ts'

/** Peaks per service since start (or the last reset). */
export interface LoadStats {
  /** Most requests being served at the same time. */
  peakInFlight: Partial<Record<ServiceKey, number>>
  /** Most requests that arrived within a sliding window of one second. */
  peakPerSecond: Partial<Record<ServiceKey, number>>
}

/** Tracks {@link LoadStats}; `enter` returns the function that marks the request done. */
export class LoadTracker {
  private inFlight = new Map<ServiceKey, number>()
  private arrivals = new Map<ServiceKey, number[]>()
  private peaks: LoadStats = { peakInFlight: {}, peakPerSecond: {} }

  constructor(private readonly clock: () => number) {}

  enter(service: ServiceKey): () => void {
    const now = this.clock()
    const n = (this.inFlight.get(service) ?? 0) + 1
    this.inFlight.set(service, n)
    this.peaks.peakInFlight[service] = Math.max(this.peaks.peakInFlight[service] ?? 0, n)
    const window = this.arrivals.get(service) ?? []
    window.push(now)
    while (window.length > 0 && window[0]! <= now - 1000) window.shift()
    this.arrivals.set(service, window)
    this.peaks.peakPerSecond[service] = Math.max(
      this.peaks.peakPerSecond[service] ?? 0,
      window.length,
    )
    let done = false
    return () => {
      if (done) return
      done = true
      this.inFlight.set(service, (this.inFlight.get(service) ?? 1) - 1)
    }
  }

  stats(): LoadStats {
    return structuredClone(this.peaks)
  }

  reset(): void {
    this.peaks = { peakInFlight: {}, peakPerSecond: {} }
    this.arrivals.clear()
  }
}
