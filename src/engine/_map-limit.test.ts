import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mapLimit } from './_map-limit.ts'

describe(mapLimit.name, () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, n))
      running--
      return n * 10
    })
    assert.deepEqual(out, [50, 10, 40, 20, 30])
    assert.equal(peak, 2)
  })
  it('rejects with the first error', async () => {
    await assert.rejects(
      mapLimit([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('boom')
        return n
      }),
      /boom/,
    )
  })
})
