import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PageBuffers } from './page-buffers.ts'

const PARTS = ['{"servers":[', '{"name":"ünï日本😀"}', ',', '{"name":"\\u2028"}', '],"n":2}']
const TEXT = PARTS.join('')

describe(PageBuffers.name, () => {
  it('encodes the joined parts as UTF-8, exactly their length', () => {
    const page = new PageBuffers().encode(PARTS)
    assert.equal(page.bytes.length, Buffer.byteLength(TEXT))
    assert.equal(page.bytes.toString('utf8'), TEXT)
    assert.equal(new PageBuffers().encode([]).bytes.length, 0)
  })

  it('reuses a released buffer, and never one still in use', () => {
    const pool = new PageBuffers()
    const a = pool.encode(PARTS)
    const b = pool.encode(['x'.repeat(1000)])
    assert.notEqual(a.bytes.buffer, b.bytes.buffer, 'both in use: two buffers')
    assert.equal(a.bytes.toString(), TEXT, 'the second page did not write over the first')
    a.release()
    a.release() // a second release changes nothing
    assert.equal(pool.held, 1)
    const c = pool.encode(['{"again":true}'])
    assert.equal(c.bytes.buffer, a.bytes.buffer, 'the released buffer is taken again')
    assert.equal(c.bytes.toString(), '{"again":true}')
    assert.equal(pool.held, 0)
    // Released twice, `a` must not come back while `c` holds its buffer.
    const d = pool.encode(['y'])
    assert.notEqual(d.bytes.buffer, c.bytes.buffer)
  })

  it('takes the smallest free buffer that fits, and grows for a bigger page', () => {
    const pool = new PageBuffers()
    const small = pool.encode(['s'])
    const big = pool.encode(['b'.repeat(600 * 1024)])
    big.release()
    small.release()
    assert.equal(pool.encode(['t']).bytes.buffer, small.bytes.buffer)
    const bigger = pool.encode(['c'.repeat(900 * 1024)])
    assert.notEqual(bigger.bytes.buffer, big.bytes.buffer, '600 KiB rounded up does not hold 900')
    assert.equal(bigger.bytes.length, 900 * 1024)
  })

  it('keeps at most `keep` free buffers', () => {
    const pool = new PageBuffers(2)
    const pages = [1, 2, 3].map((n) => pool.encode([String(n)]))
    for (const p of pages) p.release()
    assert.equal(pool.held, 2)
  })
})
