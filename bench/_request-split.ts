/**
 * Where a request's time goes, from both ends of the wire: the scanner records when it sent a
 * request and had its answer, the emulator when it saw the request and when its answer was ready
 * (`onAnswered`, matched by `X-Request-Id` and origin). A request's time is then the way to the
 * emulator (the scanner sending it, a new connection, the emulator's event loop reading it), the
 * time in the emulator (its latency, its handler, its event loop) and the way back (writing the
 * answer, the scanner's event loop reading it). Both clocks are `performance.timeOrigin +
 * performance.now()` on one machine.
 * @module
 */
import type { RecordedRequest } from './_recorder.ts'
import type { ServedAnswer } from './_serve.ts'

/** Mean times of some requests, ms. */
export interface RequestSplit {
  requests: number
  meanMs: number
  toEmulatorMs: number
  inEmulatorMs: number
  backMs: number
}

/** The split of one endpoint's requests: all of them, and before and after `earlyMs`. */
export interface EndpointSplit {
  endpoint: string
  all: RequestSplit
  /** Requests sent in the scan's first `earlyMs` (null: none). */
  early: RequestSplit | null
  later: RequestSplit | null
  earlyMs: number
  /** Requests with no answer the emulator reported (no `X-Request-Id`, or a failed request). */
  unmatched: number
}

/** Default of `earlyMs`: the first seconds, when bulk lists are read and the chain runs slowest. */
export const EARLY_MS = 3000

function mean(parts: readonly (readonly [number, number, number])[]): RequestSplit | null {
  if (parts.length === 0) return null
  let to = 0
  let inside = 0
  let back = 0
  for (const [a, b, c] of parts) {
    to += a
    inside += b
    back += c
  }
  const n = parts.length
  return {
    requests: n,
    meanMs: (to + inside + back) / n,
    toEmulatorMs: to / n,
    inEmulatorMs: inside / n,
    backMs: back / n,
  }
}

/**
 * Splits the requests of `endpoint`. `timeOrigin` turns the recorder's `performance.now()` times
 * into epoch milliseconds (the scanner's `performance.timeOrigin`); `t0` is the scan's start on
 * the recorder's clock.
 */
export function splitRequests(
  requests: readonly RecordedRequest[],
  answered: readonly ServedAnswer[],
  endpoint: string,
  o: { timeOrigin: number; t0: number; earlyMs?: number },
): EndpointSplit {
  const earlyMs = o.earlyMs ?? EARLY_MS
  const byId = new Map<string, ServedAnswer>()
  for (const a of answered) byId.set(`${a.origin} ${a.requestId}`, a)
  const early: [number, number, number][] = []
  const later: [number, number, number][] = []
  let unmatched = 0
  for (const r of requests) {
    if (r.endpoint !== endpoint) continue
    const a = r.requestId === null ? undefined : byId.get(`${r.origin} ${r.requestId}`)
    if (!a) {
      unmatched++
      continue
    }
    const sent = o.timeOrigin + r.start
    const part: [number, number, number] = [
      a.receivedAt - sent,
      a.answeredAt - a.receivedAt,
      o.timeOrigin + r.end - a.answeredAt,
    ]
    ;(r.start - o.t0 < earlyMs ? early : later).push(part)
  }
  const all = mean([...early, ...later]) ?? {
    requests: 0,
    meanMs: 0,
    toEmulatorMs: 0,
    inEmulatorMs: 0,
    backMs: 0,
  }
  return { endpoint, all, early: mean(early), later: mean(later), earlyMs, unmatched }
}
