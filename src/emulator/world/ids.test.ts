import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hexFor, requestIdFor, uuidFor, uuidForCached } from './ids.ts'

describe('emulator ids', () => {
  it('request ids: 32 hex digits, the same for the same request number, never repeated', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => requestIdFor(i + 1))
    for (const id of ids.slice(0, 50)) assert.match(id, /^[0-9a-f]{32}$/)
    assert.equal(new Set(ids).size, ids.length)
    assert.equal(requestIdFor(7), requestIdFor(7))
    assert.notEqual(requestIdFor(7).slice(0, 8), requestIdFor(8).slice(0, 8))
  })

  it('resource ids: the same kind and key give the same id, shaped as the API shapes it', () => {
    assert.equal(uuidFor('server', 'p', 'web-1'), uuidFor('server', 'p', 'web-1'))
    assert.notEqual(uuidFor('server', 'p', 'web-1'), uuidFor('server', 'p', 'web-2'))
    assert.match(
      uuidFor('server', 'x'),
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    assert.match(hexFor('project', 'x'), /^[0-9a-f]{32}$/)
  })

  it('remembered ids are the ids', () => {
    for (let round = 0; round < 2; round++)
      for (const key of [['v1', 's1'], ['v1', 's2'], ['v2'], [], ['a\u0000b']])
        assert.equal(uuidForCached('attachment', ...key), uuidFor('attachment', ...key))
    assert.notEqual(uuidForCached('attachment', 'v1'), uuidForCached('other', 'v1'))
  })
})
