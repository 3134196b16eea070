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
  it('finds what findIndex finds: markers from page ends and any other', () => {
    const items = list(...Array.from({ length: 23 }, (_, i) => `id${i}`))
    for (let round = 0; round < 2; round++) {
      let marker: string | undefined
      const seen: string[] = []
      for (let n = 0; n < 10; n++) {
        const { page, more } = markerPage(items, idOf, marker, 5)
        seen.push(...page.map(idOf))
        if (!more) break
        marker = page.at(-1)!.id
      }
      assert.deepEqual(seen, items.map(idOf), `round ${round}`)
    }
    for (const marker of ['id0', 'id4', 'id13', 'id22', 'missing'])
      assert.equal(
        markerIndex(items, idOf, marker),
        items.findIndex((it) => it.id === marker),
      )
  })

  it('finds the marker of the page before without a search (one id read)', () => {
    const items = list(...Array.from({ length: 100 }, (_, i) => `id${i}`))
    const { page } = markerPage(items, idOf, undefined, 60)
    let reads = 0
    const counting = (it: Item) => {
      reads++
      return it.id
    }
    assert.equal(markerIndex(items, counting, page.at(-1)!.id), 59)
    assert.equal(reads, 1)
    reads = 0
    assert.equal(markerIndex(items, counting, 'id30'), 30)
    assert.equal(reads, 31, 'another marker is searched for')
  })

  it('stays right when the list changes in place after a page end was remembered', () => {
    const items = list('a', 'b', 'c', 'd')
    assert.deepEqual(markerPage(items, idOf, undefined, 2).page, list('a', 'b'))
    items.unshift({ id: 'z' })
    assert.equal(markerIndex(items, idOf, 'b'), 2)
    assert.deepEqual(markerPage(items, idOf, 'b', 2).page, list('c', 'd'))
    items.splice(0, 3)
    assert.equal(markerIndex(items, idOf, 'b'), -1)
    assert.throws(() => markerPage(items, idOf, 'b', 2), PagingError)
  })
})
