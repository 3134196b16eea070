import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { nextTurn, SLICE_MS, TimeSlicer } from './time-slices.ts'

const items = Array.from({ length: 50 }, (_, i) => i)

describe(TimeSlicer.name, () => {
  it('maps like Array#map, whatever the budget', async () => {
    for (const budget of [0, SLICE_MS, Number.POSITIVE_INFINITY])
      assert.deepEqual(
        await new TimeSlicer(budget).map(items, (i) => i * 2),
        items.map((i) => i * 2),
      )
    assert.deepEqual(await new TimeSlicer(0).map([], (i) => i), [])
  })

  it('gives the event loop a turn whenever the budget is spent (0: after every item)', async () => {
    let done = 0
    let seenByOther: number | undefined
    setImmediate(() => {
      seenByOther = done
    })
    const slicer = new TimeSlicer(0)
    await slicer.map(items, () => ++done)
    assert.equal(slicer.turns, items.length)
    assert.ok(seenByOther !== undefined && seenByOther < items.length, `saw ${seenByOther}`)
  })

  it('gives none while the budget is not spent', async () => {
    let done = 0
    let seenByOther: number | undefined
    setImmediate(() => {
      seenByOther = done
    })
    const slicer = new TimeSlicer(Number.POSITIVE_INFINITY)
    await slicer.map(items, () => ++done)
    assert.equal(slicer.turns, 0)
    assert.equal(seenByOther, undefined, 'the whole map ran before the event loop turned')
    await nextTurn()
    assert.equal(seenByOther, items.length)
  })

  it('runs one slice per turn, however many requests are being sliced', async () => {
    const order: string[] = []
    let ticks = 0
    let busy = true
    const between: number[] = []
    let sinceTick = 0
    const tick = () => {
      between.push(sinceTick)
      sinceTick = 0
      ticks++
      if (busy) setImmediate(tick)
    }
    setImmediate(tick)
    const run = (name: string) =>
      new TimeSlicer(0).map(items.slice(0, 10), (i) => {
        sinceTick++
        order.push(`${name}${i}`)
      })
    await Promise.all([run('a'), run('b'), run('c')])
    busy = false
    assert.equal(order.length, 30)
    assert.deepEqual(order.slice(0, 6), ['a0', 'b0', 'c0', 'a1', 'b1', 'c1'])
    // All three start at once; after that, one item (one slice) between two ticks.
    assert.ok(ticks >= 27, `ticks ${ticks}`)
    assert.ok(
      between.slice(1).every((n) => n <= 1),
      `items between ticks: ${between.join(',')}`,
    )
  })
})
