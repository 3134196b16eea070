import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { startLoopGaps, summariseGaps } from './_loop-gaps.ts'

describe('summariseGaps', () => {
  it('counts the gaps over the threshold in the window and the mean wait they cause', () => {
    // Ticks every 1 ms, then a 10 ms gap ending at 20, a 4 ms one ending at 30, a 2 ms one.
    const times = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 21, 22, 23, 24, 25, 26, 30, 31, 33]
    const s = summariseGaps(times, 0, 40, 3)
    assert.equal(s.gaps, 2)
    assert.equal(s.gapMs, 14)
    assert.equal(s.longestMs, 10)
    // (10² + 4²) ÷ 2 ÷ 40
    assert.equal(s.meanWaitMs, 116 / 80)
    const later = summariseGaps(times, 25, 40, 3)
    assert.deepEqual([later.gaps, later.gapMs], [1, 4], 'a gap belongs to the window it ends in')
    assert.equal(summariseGaps(times, 0, 40, 20).gaps, 0)
  })
})

describe('startLoopGaps', () => {
  it('sees a blocked event loop as a gap', async () => {
    const t0 = performance.now()
    const probe = startLoopGaps(t0)
    await new Promise((r) => setTimeout(r, 10))
    const until = performance.now() + 30
    while (performance.now() < until) {
      // a 30 ms block
    }
    await new Promise((r) => setTimeout(r, 10))
    probe.stop()
    const g = probe.summary(5)
    assert.ok(g.later.gaps >= 1 && g.later.longestMs >= 29, JSON.stringify(g.later))
    assert.equal(g.thresholdMs, 3)
  })
})
