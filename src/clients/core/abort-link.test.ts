import assert from 'node:assert/strict'
import { getEventListeners } from 'node:events'
import { describe, it } from 'node:test'
import { joinSignals, onAbort } from './abort-link.ts'

describe('onAbort', () => {
  it('runs every registered callback once, through one listener on the signal', () => {
    const ac = new AbortController()
    const ran: number[] = []
    for (let i = 0; i < 50; i++) onAbort(ac.signal, () => ran.push(i))
    assert.equal(getEventListeners(ac.signal, 'abort').length, 1)
    ac.abort()
    assert.equal(ran.length, 50)
    ac.abort()
    assert.equal(ran.length, 50)
  })
  it('does not run a callback that was unregistered', () => {
    const ac = new AbortController()
    const ran: string[] = []
    const off = onAbort(ac.signal, () => ran.push('a'))
    onAbort(ac.signal, () => ran.push('b'))
    off()
    ac.abort()
    assert.deepEqual(ran, ['b'])
  })
  it('runs at once on a signal that has already aborted', () => {
    let ran = 0
    onAbort(AbortSignal.abort(), () => ran++)
    assert.equal(ran, 1)
  })
})

describe('joinSignals', () => {
  it('returns the one signal there is, and the same joined signal for the same pair', () => {
    const a = new AbortController().signal
    const b = new AbortController().signal
    assert.equal(joinSignals(a, undefined), a)
    assert.equal(joinSignals(undefined, b), b)
    assert.equal(joinSignals(a, a), a)
    assert.equal(joinSignals(undefined, undefined), undefined)
    const ab = joinSignals(a, b)
    assert.ok(ab && ab !== a && ab !== b)
    assert.equal(joinSignals(a, b), ab)
  })
  it('the joined signal aborts with the reason of whichever aborts', () => {
    const a = new AbortController()
    const b = new AbortController()
    const ab = joinSignals(a.signal, b.signal)!
    assert.equal(ab.aborted, false)
    b.abort(new Error('b went'))
    assert.equal(ab.aborted, true)
    assert.match(String(ab.reason), /b went/)
  })
})
