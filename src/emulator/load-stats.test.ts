import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { LoadTracker } from './load-stats.ts'

describe(LoadTracker.name, () => {
  it('records the peak in flight and the peak per second, per service', () => {
    let t = 0
    const l = new LoadTracker(() => t)
    const a = l.enter('compute')
    const b = l.enter('compute')
    a()
    a() // marking done twice counts once
    const c = l.enter('compute')
    l.enter('image')()
    assert.deepEqual(l.stats().peakInFlight, { compute: 2, image: 1 })
    b()
    c()
    t = 1500 // the first three arrivals left the one-second window
    l.enter('compute')()
    assert.deepEqual(l.stats().peakPerSecond, { compute: 3, image: 1 })
    l.reset()
    assert.deepEqual(l.stats(), { peakInFlight: {}, peakPerSecond: {} })
  })
})
