/**
 * Long work in time slices. The emulator is one event loop: while it builds a big list page
 * (1,000 servers are ~1.5 MB of JSON) in one go, every other request waits, and the small IAM
 * requests that make a scan's critical path took 100–700 ms instead of their 20 ms latency
 * (docs/benchmark.md). A {@link TimeSlicer} gives the loop a turn once its slice has run for
 * a few milliseconds, measured, not counted in items, so cheap and costly items alike keep the
 * loop's blocks short.
 * @module
 */

/** How long a slice runs before the event loop gets a turn, ms. */
export const SLICE_MS = 3.5

const waiting: Array<() => void> = []
let pumping = false

/** Resumes one waiting slice per turn of the event loop, in the order they asked. */
function pump(): void {
  const next = waiting.shift()
  if (waiting.length > 0) setImmediate(pump)
  else pumping = false
  next?.()
}

/**
 * Resolves on a later turn of the event loop, after timers and I/O had theirs. However many
 * requests are being sliced, one slice runs per turn (an `setImmediate` queued from within the
 * check phase runs on the next turn), so a waiting small request is held up by one slice, not
 * by one slice of every big request in flight.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve)
    if (!pumping) {
      pumping = true
      setImmediate(pump)
    }
  })
}

/** One request's slices: created when its work starts, shared by everything it does. */
export class TimeSlicer {
  private started = performance.now()
  /** Turns given to the event loop so far. */
  turns = 0

  /** @param budgetMs how long a slice runs (0: a turn after every item, for tests) */
  constructor(readonly budgetMs = SLICE_MS) {}

  /** Whether this slice has run for its budget. */
  get due(): boolean {
    return performance.now() - this.started >= this.budgetMs
  }

  /** Gives the event loop a turn, then starts a new slice. */
  async yield(): Promise<void> {
    this.turns++
    await nextTurn()
    this.started = performance.now()
  }

  /**
   * `items.map(fn)`, giving the event loop a turn whenever a slice's budget is spent.
   * @example
   * const wires = await slicer.map(page, (s) => serverWire(index, s, root))
   */
  async map<T, U>(items: readonly T[], fn: (item: T) => U): Promise<U[]> {
    const out: U[] = []
    for (const item of items) {
      out.push(fn(item))
      if (this.due) await this.yield()
    }
    return out
  }
}
