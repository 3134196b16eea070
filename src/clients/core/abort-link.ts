/**
 * Abort signals shared by thousands of requests without a listener, a composite signal or an
 * `AbortSignal.any` per request: one listener per source signal runs every callback registered
 * on it (and warns nobody about "possible EventTarget memory leaks"), and a joined signal is
 * built once per pair of sources.
 * @module
 */

const callbacks = new WeakMap<AbortSignal, Set<() => void>>()

/**
 * Runs `fn` once when `signal` aborts (at once, synchronously, if it already has). Returns the
 * function that unregisters it; call it when the work is done.
 * @example
 * const off = onAbort(signal, () => controller.abort(signal.reason))
 * try { await work(controller.signal) } finally { off() }
 */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  if (signal.aborted) {
    fn()
    return noop
  }
  let set = callbacks.get(signal)
  if (!set) {
    const mine = new Set<() => void>()
    set = mine
    callbacks.set(signal, mine)
    signal.addEventListener(
      'abort',
      () => {
        const all = [...mine]
        mine.clear()
        for (const f of all) f()
      },
      { once: true },
    )
  }
  const own = set
  own.add(fn)
  return () => {
    own.delete(fn)
  }
}

function noop(): void {}

const joined = new WeakMap<AbortSignal, WeakMap<AbortSignal, AbortSignal>>()

/** One signal that aborts when either does; the same object for the same pair. */
export function joinSignals(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): AbortSignal | undefined {
  if (!a || a === b) return b ?? a
  if (!b) return a
  let byB = joined.get(a)
  if (!byB) {
    byB = new WeakMap()
    joined.set(a, byB)
  }
  let s = byB.get(b)
  if (!s) {
    s = AbortSignal.any([a, b])
    byB.set(b, s)
  }
  return s
}
