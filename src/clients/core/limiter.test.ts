import assert from 'node:assert/strict'
import { getEventListeners } from 'node:events'
import { describe, it } from 'node:test'
import { createLimiter } from './limiter.ts'

const tick = () => new Promise((r) => setImmediate(r))

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

describe('createLimiter: concurrency', () => {
  it('runs at most `concurrency` tasks at once, in order', async () => {
    const limit = createLimiter({ concurrency: 2 })
    const gates = [deferred(), deferred(), deferred(), deferred()]
    const started: number[] = []
    let peak = 0
    const all = gates.map((g, i) =>
      limit.run(async () => {
        started.push(i)
        peak = Math.max(peak, limit.active)
        await g.promise
        return i
      }),
    )
    await tick()
    assert.deepEqual(started, [0, 1])
    assert.equal(limit.queued, 2)
    gates[1]!.resolve()
    await tick()
    assert.deepEqual(started, [0, 1, 2])
    for (const g of gates) g.resolve()
    assert.deepEqual(await Promise.all(all), [0, 1, 2, 3])
    assert.equal(peak, 2)
    assert.equal(limit.active, 0)
  })
  it('frees the slot when a task throws', async () => {
    const limit = createLimiter({ concurrency: 1 })
    await assert.rejects(
      limit.run(async () => {
        throw new Error('x')
      }),
    )
    assert.equal(await limit.run(async () => 1), 1)
  })
  it('an aborted waiter leaves the queue', async () => {
    const limit = createLimiter({ concurrency: 1 })
    const g = deferred()
    const first = limit.run(() => g.promise)
    const ac = new AbortController()
    const second = limit.run(async () => 'never', ac.signal)
    await tick()
    ac.abort(new Error('stop'))
    await assert.rejects(second, /stop/)
    assert.equal(limit.queued, 0)
    g.resolve()
    await first
    assert.equal(limit.active, 0)
  })
})

describe('createLimiter: critical tasks', () => {
  it('serves waiting critical tasks before the others, each in arrival order', async () => {
    const limit = createLimiter({ concurrency: 1 })
    const g = deferred()
    const order: string[] = []
    const task = (name: string) => async () => {
      order.push(name)
    }
    const first = limit.run(() => g.promise)
    const rest = [
      limit.run(task('bulk-1')),
      limit.run(task('chain-1'), undefined, true),
      limit.run(task('bulk-2')),
      limit.run(task('chain-2'), undefined, true),
    ]
    await tick()
    assert.equal(limit.queued, 4)
    g.resolve()
    await Promise.all([first, ...rest])
    assert.deepEqual(order, ['chain-1', 'chain-2', 'bulk-1', 'bulk-2'])
  })
  it('an aborted critical waiter leaves the queue; one listener on the signal for all waiters', async () => {
    const limit = createLimiter({ concurrency: 1 })
    const g = deferred()
    const first = limit.run(() => g.promise)
    const ac = new AbortController()
    const waiters = Array.from({ length: 20 }, (_, i) =>
      limit.run(async () => i, ac.signal, i % 2 === 0),
    )
    await tick()
    assert.equal(getEventListeners(ac.signal, 'abort').length, 1)
    ac.abort(new Error('stop'))
    for (const w of waiters) await assert.rejects(w, /stop/)
    assert.equal(limit.queued, 0)
    g.resolve()
    await first
    assert.equal(limit.active, 0)
    assert.equal(await limit.run(async () => 'free'), 'free')
  })
})

describe('createLimiter: requests per second', () => {
  it('lets a burst of rps through, then spaces requests 1/rps apart', async () => {
    let now = 0
    const waits: number[] = []
    const sleep = async (ms: number) => {
      waits.push(ms)
      now += ms
    }
    const limit = createLimiter({ concurrency: 10, rps: 2, now: () => now, sleep })
    const times: number[] = []
    await Promise.all(
      Array.from({ length: 5 }, () =>
        limit.run(async () => {
          times.push(now)
        }),
      ),
    )
    assert.deepEqual(times, [0, 0, 500, 1000, 1500])
    assert.deepEqual(waits, [500, 500, 500])
  })
  it('refills over time', async () => {
    let now = 0
    const limit = createLimiter({
      rps: 1,
      now: () => now,
      sleep: async (ms) => {
        now += ms
      },
    })
    await limit.run(async () => {})
    now += 5000
    await limit.run(async () => {})
    assert.equal(now, 5000)
  })
})
