/**
 * Reused buffers for the emulator's big list pages. Writing a 1 MB page as one string made Node
 * encode it into fresh memory on every answer (and V8 allocate the joined string as a fresh large
 * object): ~650 minor page faults per megabyte, at ~12 µs each on the bench's VM, ~10 ms of CPU
 * per page. The page's pieces ({@link stringifySlicedParts}) are encoded straight into a buffer
 * kept for the next page once its answer is written.
 * @module
 */

/** A page's bytes in a pooled buffer; `release` gives the buffer back (once; later calls do nothing). */
export interface PooledBytes {
  readonly bytes: Buffer<ArrayBuffer>
  release(): void
}

/** Capacities are rounded up to this, so pages of similar size share buffers. */
const GRAIN = 256 * 1024

/**
 * A small pool of buffers, one per page being written.
 * @example
 * const pages = new PageBuffers()
 * const page = pages.encode(['{"servers":[', '…', ']}'])
 * res.once('close', page.release)
 * res.end(page.bytes)
 */
export class PageBuffers {
  private readonly free: Buffer<ArrayBuffer>[] = []

  /** `keep`: free buffers kept at most (more are left to the garbage collector). */
  constructor(private readonly keep = 8) {}

  /** The UTF-8 bytes of `parts` joined, in a buffer from the pool (exactly their length). */
  encode(parts: readonly string[]): PooledBytes {
    let total = 0
    for (const p of parts) total += Buffer.byteLength(p, 'utf8')
    const buf = this.take(total)
    let at = 0
    for (const p of parts) at += buf.write(p, at, 'utf8')
    if (at !== total) throw new Error(`page buffer: wrote ${at} of ${total} bytes`)
    let released = false
    return {
      bytes: buf.subarray(0, total),
      release: () => {
        if (released) return
        released = true
        if (this.free.length < this.keep) this.free.push(buf)
      },
    }
  }

  /** Free buffers held now (for tests). */
  get held(): number {
    return this.free.length
  }

  /** The smallest free buffer that holds `size` bytes, or a new one. */
  private take(size: number): Buffer<ArrayBuffer> {
    let best = -1
    for (let i = 0; i < this.free.length; i++) {
      const b = this.free[i]!
      if (b.length >= size && (best < 0 || b.length < this.free[best]!.length)) best = i
    }
    if (best >= 0) return this.free.splice(best, 1)[0]!
    return Buffer.allocUnsafeSlow(Math.max(GRAIN, Math.ceil(size / GRAIN) * GRAIN))
  }
}
