/**
 * Long synchronous work (validating a page of 1,000 servers, mapping it, evaluating 227k
 * findings) cut into slices of a few milliseconds, with a turn of the event loop between them:
 * the answers of requests still in flight (a scan's IAM chain, 20 ms apart) are read between two
 * slices instead of after the whole block.
 *
 * The slices of every loop in the process share one budget: each turn of the event loop (a
 * `setImmediate`, so pending I/O runs first) resumes **one** waiting loop, which works until
 * {@link SLICE_MS} have passed since the turn began and then queues again behind the others.
 * Ten pages validated at once therefore hold an answer back by one slice, not by ten.
 * @module
 */

/**
 * Longest stretch of sliced work between two turns of the event loop, ms. 1 rather than 4: an
 * answer of the IAM chain then waits ~1 ms less for the scanner (and the emulator) at the same
 * CPU. Alternated bench runs: 10,000 servers faster in 7 of 8 pairs (median 1.36 against 1.40 ×
 * bound), 1,000 servers in 3 of 4 (1.45 against 1.55); 0.5 ms was no better (docs/benchmark.md,
 * "Issue 16, seventh pass").
 */
export const SLICE_MS = 1

/** When the current turn's slice began (`performance.now()`). */
let sliceStart = Number.NEGATIVE_INFINITY
/** Loops waiting for their turn, first come first served. */
const waiting: (() => void)[] = []
let scheduled = false

function schedule(): void {
  if (scheduled) return
  scheduled = true
  setImmediate(nextTurn)
}

function nextTurn(): void {
  scheduled = false
  sliceStart = performance.now()
  const resume = waiting.shift()
  if (waiting.length > 0) schedule()
  resume?.()
}

/** Waits for a turn of the event loop of its own (I/O callbacks first, one loop per turn). */
export function turn(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve)
    schedule()
  })
}

/**
 * A loop's view of the shared budget: `due()` once the current turn's slice is used up (at
 * once when the loop starts outside a turn), then `pause()` waits for the loop's next turn.
 * @example
 * const s = new Slicer()
 * for (const x of items) { if (s.due()) await s.pause(); work(x) }
 */
export class Slicer {
  constructor(private readonly sliceMs: number = SLICE_MS) {}

  /** Whether the current slice is used up. */
  due(): boolean {
    return performance.now() - sliceStart >= this.sliceMs
  }

  /** Waits for this loop's next turn. */
  pause(): Promise<void> {
    return turn()
  }
}

/**
 * `items.map(fn)` in slices of the shared budget (see the module).
 * @example const servers = await mapSliced(wires, (w) => toEcsServer(w, ctx))
 */
export async function mapSliced<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  sliceMs: number = SLICE_MS,
): Promise<R[]> {
  const out = new Array<R>(items.length)
  const s = new Slicer(sliceMs)
  for (let i = 0; i < items.length; i++) {
    if (s.due()) await s.pause()
    out[i] = fn(items[i]!, i)
  }
  return out
}

/** Runs `steps` (a generator that yields between pieces of work) to the end, at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  let r = steps.next()
  while (!r.done) r = steps.next()
  return r.value
}

/**
 * Runs `steps` to the end in slices of the shared budget: between two of its yields the event
 * loop may get a turn (see the module).
 */
export async function drainSteps<T>(steps: Generator<void, T>): Promise<T> {
  const slicer = new Slicer()
  let r = steps.next()
  while (!r.done) {
    if (slicer.due()) await slicer.pause()
    r = steps.next()
  }
  return r.value
}
