/**
 * How often the scanner's event loop could not answer anything, and for how long: a 1 ms
 * `setInterval` records each time the loop reaches its timers; a gap between two of those is time
 * in which an answer that arrived would have waited (a task, a garbage collection, or the
 * process not running at all). Opt-in (`SPHERE_BENCH_LOOP_GAPS=1`): the probe wakes the loop a
 * thousand times a second, which the default bench must not pay. docs/benchmark.md ("Issue 16,
 * ninth pass") shows how the gaps were read against a CPU profile.
 * @module
 */

/** The gaps longer than the threshold in one window of the scan. */
export interface GapSummary {
  fromMs: number
  toMs: number
  gaps: number
  gapMs: number
  longestMs: number
  /** What an answer arriving at a random moment of the window waits for these gaps: Σ g² ÷ 2w. */
  meanWaitMs: number
}

export interface LoopGaps {
  thresholdMs: number
  early: GapSummary
  later: GapSummary
}

/** Summarises the gaps > `thresholdMs` between successive `times` (ms) ending in [from, to). */
export function summariseGaps(
  times: ArrayLike<number>,
  fromMs: number,
  toMs: number,
  thresholdMs: number,
): GapSummary {
  let gaps = 0
  let gapMs = 0
  let longestMs = 0
  let squares = 0
  for (let i = 1; i < times.length; i++) {
    const end = times[i] as number
    if (end < fromMs || end >= toMs) continue
    const g = end - (times[i - 1] as number)
    if (g <= thresholdMs) continue
    gaps++
    gapMs += g
    squares += g * g
    if (g > longestMs) longestMs = g
  }
  const window = toMs - fromMs
  return { fromMs, toMs, gaps, gapMs, longestMs, meanWaitMs: window > 0 ? squares / 2 / window : 0 }
}

/** The running probe: `stop` it, then summarise [0, earlyMs) and [earlyMs, stop) (ms from `t0`). */
export interface LoopGapProbe {
  stop(): void
  summary(earlyMs: number): LoopGaps
}

/** Starts the probe at `t0` (`performance.now()`). */
export function startLoopGaps(t0: number, thresholdMs = 3): LoopGapProbe {
  const times: number[] = [0]
  const probe = setInterval(() => times.push(performance.now() - t0), 1)
  let end = Number.POSITIVE_INFINITY
  return {
    stop() {
      clearInterval(probe)
      end = performance.now() - t0
      times.push(end)
    },
    summary(earlyMs) {
      return {
        thresholdMs,
        early: summariseGaps(times, 0, earlyMs, thresholdMs),
        later: summariseGaps(times, earlyMs, end + 0.001, thresholdMs),
      }
    },
  }
}
