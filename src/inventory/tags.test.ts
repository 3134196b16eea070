import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { tagField, tagRecord } from './tags.ts'

describe('tagRecord', () => {
  it('reads key=value strings, bare keys, key/value objects and records', () => {
    assert.deepEqual(tagRecord(['env=dev', 'solo', 'a=b=c']), { env: 'dev', solo: '', a: 'b=c' })
    assert.deepEqual(tagRecord([{ key: 'a', value: 1 }, { key: 'b', value: null }, { key: 'c' }]), {
      a: '1',
      b: '',
      c: '',
    })
    assert.deepEqual(tagRecord({ env: 'prod', none: null }), { env: 'prod', none: '' })
  })

  it('skips list entries that are no tag, and is undefined for no tags at all', () => {
    assert.deepEqual(tagRecord([1, null, { value: 'x' }, 'ok=1']), { ok: '1' })
    assert.equal(tagRecord(undefined), undefined)
    assert.equal(tagRecord(null), undefined)
    assert.equal(tagRecord(7), undefined)
    assert.deepEqual(tagRecord([]), {})
  })

  it('keeps a tag named __proto__ as a tag, not as the prototype', () => {
    const t = tagRecord(['__proto__=x', 'constructor=y'])!
    assert.equal(Object.getPrototypeOf(t), Object.prototype)
    assert.deepEqual(Object.entries(t), [
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ])
  })
})

describe('tagField', () => {
  it('adds a tags key only when the wire has tags', () => {
    assert.deepEqual(tagField(undefined), {})
    assert.deepEqual(tagField([]), {})
    assert.deepEqual(tagField({}), {})
    assert.deepEqual(tagField(['env=dev']), { tags: { env: 'dev' } })
  })
})
