import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bool, isoTime, nameOr, text } from './_map.ts'

describe(isoTime.name, () => {
  it('normalises OTC time forms to ISO UTC', () => {
    assert.equal(isoTime('2018-08-20T02:33:49+0800'), '2018-08-19T18:33:49.000Z')
    assert.equal(isoTime('2020-07-08 02:19:03.0'), '2020-07-08T02:19:03.000Z')
    assert.equal(isoTime(1589886034121), '2020-05-19T11:00:34.121Z')
    assert.equal(isoTime(''), null)
    assert.equal(isoTime(null), null)
  })
})

describe(bool.name, () => {
  it('reads booleans sent as strings and leaves anything else unknown', () => {
    assert.equal(bool('true'), true)
    assert.equal(bool('0'), false)
    assert.equal(bool(false), false)
    assert.equal(bool(''), null)
    assert.equal(bool(undefined), null)
    assert.equal(bool('maybe'), null)
  })
})

describe(text.name, () => {
  it('turns empty into null', () => {
    assert.equal(text(''), null)
    assert.equal(text('a'), 'a')
    assert.equal(nameOr('  ', 'id-1'), 'id-1')
  })
})
