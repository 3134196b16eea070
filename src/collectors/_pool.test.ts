import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mapSettled } from './_pool.ts'

describe(mapSettled.name, () => {
  it('keeps order, settles failures and never exceeds the bound', async () => {
    let inFlight = 0
    let peak = 0
    const out = await mapSettled([1, 2, 3, 4, 5], 2, async (n) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, 1))
      inFlight--
      if (n === 3) throw new Error('three')
      return n * 10
    })
    assert.equal(peak, 2)
    assert.deepEqual(
      out.map((r) => (r.ok ? r.value : (r.error as Error).message)),
      [10, 20, 'three', 40, 50],
    )
  })

  it('stops starting calls once aborted and rejects', async () => {
    const ac = new AbortController()
    const started: number[] = []
    const run = mapSettled(
      [1, 2, 3],
      1,
      async (n) => {
        started.push(n)
        ac.abort()
        return n
      },
      ac.signal,
    )
    await assert.rejects(run, { name: 'AbortError' })
    assert.deepEqual(started, [1])
  })
})
