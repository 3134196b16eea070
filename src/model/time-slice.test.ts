import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mapSliced, Slicer, turn } from './time-slice.ts'

describe('time slices', () => {
  it('mapSliced maps in order, like Array.prototype.map', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i)
    assert.deepEqual(
      await mapSliced(items, (x, i) => x * 2 + i),
      items.map((x, i) => x * 2 + i),
    )
    assert.deepEqual(await mapSliced([], (x: number) => x), [])
  })

  it('gives the event loop a turn between slices (a 0 ms slice: before every item)', async () => {
    const order: string[] = []
    setImmediate(() => order.push('other work'))
    await mapSliced([1, 2, 3], (x) => order.push(`item ${x}`), 0)
    assert.deepEqual(order, ['other work', 'item 1', 'item 2', 'item 3'])
  })

  it('resumes one waiting loop per turn, first come first served', async () => {
    const order: string[] = []
    const loop = (name: string) => mapSliced([1, 2], (x) => order.push(`${name}${x}`), 0)
    const ticks = (async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise<void>((r) => setImmediate(r))
        order.push('|')
      }
    })()
    await Promise.all([loop('a'), loop('b'), ticks])
    // One loop per turn, in the order they queued: a and b alternate.
    assert.deepEqual(
      order.filter((x) => x !== '|'),
      ['a1', 'b1', 'a2', 'b2'],
    )
  })

  it('a long slice works through without pausing once its turn has begun', async () => {
    await turn()
    const order: string[] = []
    setImmediate(() => order.push('other work'))
    await mapSliced([1, 2, 3], (x) => order.push(`item ${x}`), 60_000)
    assert.deepEqual(order, ['item 1', 'item 2', 'item 3'])
    await turn()
    assert.equal(order.at(-1), 'other work')
  })

  it('Slicer: due at once outside a turn with a 0 ms slice, not within a long one', async () => {
    assert.equal(new Slicer(0).due(), true)
    await new Slicer(60_000).pause()
    assert.equal(new Slicer(60_000).due(), false)
  })
})
