import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as b from '../inventory/testing.ts'
import type { AnyResource } from '../inventory/types.ts'
import { reportOrder } from './_check-findings.ts'
import { cmp } from './order.ts'

/** The order findings are reported in: region, type, id, ties in list order. */
function expected(list: readonly AnyResource[]): number[] {
  return list
    .map((r, i) => ({ r, i }))
    .sort(
      (x, y) =>
        cmp(x.r.region, y.r.region) || cmp(x.r.type, y.r.type) || cmp(x.r.id, y.r.id) || x.i - y.i,
    )
    .map((x) => x.i)
}

describe('reportOrder', () => {
  it('gives the positions of a list in report order, ties in list order', () => {
    const list = Object.freeze([
      b.server({ id: 'c', region: 'eu-nl' }),
      b.server({ id: 'b', region: 'eu-de' }),
      b.server({ id: 'a', region: 'eu-nl' }),
      b.server({ id: 'b', region: 'eu-de' }),
      b.server({ id: 'ab', region: 'eu-de' }),
      b.server({ id: 'a-b', region: 'eu-de' }),
      b.server({ id: 'Z', region: 'eu-de' }),
      ...Array.from({ length: 500 }, (_, i) => b.server({ id: `s${(i * 7919) % 500}` })),
    ])
    const order = reportOrder(list)
    assert.ok(order)
    assert.deepEqual([...order], expected(list))
    assert.equal(reportOrder(list), order, 'computed once per list')
  })

  it('is null for a list in report order already, and for an empty one', () => {
    const list = Object.freeze([
      b.server({ id: 'a' }),
      b.server({ id: 'b' }),
      b.server({ id: 'c' }),
    ])
    assert.deepEqual(expected(list), [0, 1, 2])
    assert.equal(reportOrder(list), null)
    assert.equal(reportOrder(Object.freeze([])), null)
  })
})
