/**
 * Bounded fan-out for N+1 calls (IAM user details, access keys per user). The transport limits
 * concurrency per endpoint too; this bound only keeps a run from queueing thousands of promises.
 * No retries or sleeps here: those live in the transport.
 * @module
 */

/** Default number of fan-out calls in flight per collector. */
export const FAN_OUT = 4

/** The outcome of one fan-out item. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

/**
 * Runs `fn` over `items` with at most `limit` calls in flight and returns every outcome in
 * input order. Stops starting new calls once `signal` aborts and then rejects with its reason.
 * @example const details = await mapSettled(users, FAN_OUT, (u) => showUser(iam, u.id, signal), signal)
 */
export async function mapSettled<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
  signal?: AbortSignal,
): Promise<Settled<R>[]> {
  const out: Settled<R>[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted()
      const i = next++
      try {
        out[i] = { ok: true, value: await fn(items[i]!) }
      } catch (error) {
        signal?.throwIfAborted()
        out[i] = { ok: false, error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/** Settles one promise; an abort of the run still rejects. */
export async function settle<T>(p: Promise<T>, signal?: AbortSignal): Promise<Settled<T>> {
  try {
    return { ok: true, value: await p }
  } catch (error) {
    signal?.throwIfAborted()
    return { ok: false, error }
  }
}

/** The errors of the failed outcomes. */
export function failures(results: readonly Settled<unknown>[]): unknown[] {
  return results.flatMap((r) => (r.ok ? [] : [r.error]))
}
