import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { markerIndex, markerPage, PagingError } from './paging.ts'

type Item = { id: string }
const idOf = (it: Item) => it.id
const list = (...ids: string[]): Item[] => ids.map((id) => ({ id }))

describe(markerPage.name, () => {
  it('pages after the marker, and says whether more follow', () => {
    const items = list('a', 'b', 'c', 'd', 'e')
    assert.deepEqual(markerPage(items, idOf, undefined, 2), { page: list('a', 'b'), more: true })
    assert.deepEqual(markerPage(items, idOf, 'b', 2), { page: list('c', 'd'), more: true })
    assert.deepEqual(markerPage(items, idOf, 'd', 2), { page: list('e'), more: false })
    assert.deepEqual(markerPage(items, idOf, '', 9), { page: items, more: false })
    assert.throws(() => markerPage(items, idOf, 'zz', 2), PagingError)
  })
})

describe(markerIndex.name, () => {
  it('finds what findIndex finds, however often the same list is paged', () => {
    const items = list('a', 'b', 'dup', 'c', 'dup', 'd')
    for (let round = 0; round < 3; round++)
      for (const marker of ['a', 'b', 'dup', 'c', 'd', 'missing'])
        assert.equal(
          markerIndex(items, idOf, marker),
          items.findIndex((it) => it.id === marker),
          `round ${round}, marker ${marker}`,
        )
  })

  it('stays right when the list changes in place after its positions were remembered', () => {
    const items = list('a', 'b', 'c')
    markerIndex(items, idOf, 'b')
    assert.equal(markerIndex(items, idOf, 'c'), 2)
    items.unshift({ id: 'z' })
    assert.equal(markerIndex(items, idOf, 'c'), 3)
    items.splice(1, 1)
    assert.equal(markerIndex(items, idOf, 'c'), 2)
    assert.equal(markerIndex(items, idOf, 'a'), -1)
    items[0]!.id = 'y'
    assert.equal(markerIndex(items, idOf, 'y'), 0)
    items[1]!.id = 'x'
    assert.equal(markerIndex(items, idOf, 'b'), -1)
  })
})
