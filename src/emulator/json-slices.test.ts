import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Slicer } from '../model/time-slice.ts'
import {
  CHUNK_ITEMS,
  MappedItems,
  SLICED_JSON_MIN_ITEMS,
  stringifySliced,
  worthSlicing,
} from './json-slices.ts'

/** A slicer that counts the turns it waited for. */
class TimeSlicer extends Slicer {
  turns = 0
  override pause() {
    this.turns++
    return super.pause()
  }
}

/** Deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STRINGS = [
  '',
  'a',
  'ünïcödé',
  '日本語',
  '😀 emoji',
  '\ud800 lone',
  'q"uo\\te\n\t',
  '\u2028',
  '</x>',
]
const LEAVES = [null, undefined, true, false, 0, -0, 1.5, -1e21, 1e-7, Number.NaN, Infinity]

function randomValue(r: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const k = r()
  if (depth > 3 || k < 0.35) return pick([...LEAVES, ...STRINGS])
  if (k < 0.45) return () => 1
  if (k < 0.5) return Symbol('s')
  if (k < 0.55) return new Date(Math.floor(r() * 4e12))
  if (k < 0.75) return Array.from({ length: Math.floor(r() * 6) }, () => randomValue(r, depth + 1))
  const o: Record<string, unknown> = {}
  for (let i = Math.floor(r() * 6); i > 0; i--) o[pick(STRINGS) + i] = randomValue(r, depth + 1)
  return o
}

/** A list-page-like body: top-level arrays of objects, links, counts, nested arrays. */
function randomBody(seed: number): Record<string, unknown> {
  const r = prng(seed)
  const items = Array.from({ length: Math.floor(r() * 300) }, (_, i) => ({
    id: `id-${i}`,
    name: STRINGS[i % STRINGS.length],
    gone: undefined,
    nested: [[1, [2, undefined]], { deeper: randomValue(r, 1) }],
    any: randomValue(r, 0),
  }))
  return {
    servers: items,
    holes: [undefined, () => 0, Symbol('x'), ...items.slice(0, 3)],
    servers_links: r() < 0.5 ? undefined : [{ rel: 'next', href: 'http://x/?marker=a&limit=2' }],
    count: items.length,
    meta: randomValue(r, 0),
  }
}

async function bothWays(body: unknown) {
  for (const budget of [0, 3.5, Number.POSITIVE_INFINITY]) {
    const parts = await stringifySliced(body, new TimeSlicer(budget))
    assert.equal(parts?.join(''), JSON.stringify(body))
  }
}

describe(stringifySliced.name, () => {
  it('writes what JSON.stringify writes, to the byte, over 150 varied bodies', async () => {
    for (let seed = 1; seed <= 150; seed++) await bothWays(randomBody(seed))
  })

  it('keeps JSON.stringify semantics at the edges', async () => {
    const keys: string[] = []
    const withToJson = (tag: string) => ({
      toJSON(key: string) {
        keys.push(`${tag}:${key}`)
        return tag === 'gone' ? undefined : { tag, key, inner: { toJSON: () => 'inner' } }
      },
    })
    const bodies: unknown[] = [
      undefined,
      null,
      42,
      'text',
      [],
      {},
      [undefined, () => 1, Symbol('s'), 'x'],
      Array.from({ length: 5 }),
      { a: undefined, b: () => 1, c: Symbol('c'), [Symbol('k')]: 1, d: 'kept' },
      { __proto__: null, z: 1, a: [1, 2] },
      { ['__proto__']: withToJson('proto'), list: [withToJson('item'), withToJson('gone')] },
      // toJSON inside a later chunk gets its index in the whole array, not in the chunk.
      {
        list: Array.from({ length: 3 * CHUNK_ITEMS }, (_, i) => (i === 40 ? withToJson('at') : i)),
      },
      { dated: new Date(0), list: [new Date(1e12)], boxed: [new Number(3), new String('s')] },
      { 2: 'two', 1: 'one', b: 'b', a: [Number.NaN, -0, Infinity] },
      new Map([[1, 2]]),
      withToJson('root'),
      { list: Object.assign([1, 2], { toJSON: () => 'array toJSON' }) },
      [[[]], [{}], { deep: [[['日本']]] }],
    ]
    for (const body of bodies) {
      keys.length = 0
      const expected = JSON.stringify(body)
      const expectedKeys = [...keys]
      keys.length = 0
      assert.equal((await stringifySliced(body, new TimeSlicer(0)))?.join(''), expected)
      assert.deepEqual(keys, expectedKeys, 'toJSON called with the same keys')
    }
  })

  it('throws where JSON.stringify throws', async () => {
    const cyclic: Record<string, unknown> = { list: [] }
    ;(cyclic.list as unknown[]).push(cyclic)
    assert.throws(() => JSON.stringify(cyclic), TypeError)
    await assert.rejects(stringifySliced(cyclic, new TimeSlicer(0)), TypeError)
    await assert.rejects(stringifySliced({ list: [1n] }, new TimeSlicer(0)), TypeError)
  })

  it('gives the event loop turns inside a big array', async () => {
    const body = { items: Array.from({ length: 500 }, (_, i) => ({ i })) }
    const slicer = new TimeSlicer(0)
    let ranBetween = false
    setImmediate(() => {
      ranBetween = true
    })
    const parts = await stringifySliced(body, slicer)
    assert.equal(parts?.join(''), JSON.stringify(body))
    assert.equal(slicer.turns, Math.ceil(500 / CHUNK_ITEMS))
    assert.ok(ranBetween)
  })
})

describe(MappedItems.name, () => {
  it('is written as the mapped list, sliced or by JSON.stringify, with toJSON keys kept', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { servers, ...rest } = randomBody(seed)
      const list = servers as unknown[]
      const wire = (x: unknown) => ({ wrapped: x, at: new Date(0) })
      const expected = JSON.stringify({ ...rest, servers: list.map(wire) })
      const body = { ...rest, servers: new MappedItems(list, wire) }
      assert.equal(JSON.stringify(body), expected, `seed ${seed}`)
      for (const budget of [0, Number.POSITIVE_INFINITY])
        assert.equal((await stringifySliced(body, new TimeSlicer(budget)))?.join(''), expected)
    }
    // An item's toJSON gets its index in the whole list, not in its chunk.
    const keyed = { toJSON: (key: string) => key }
    const indexes = Array.from({ length: 2 * CHUNK_ITEMS + 3 }, (_, i) => i)
    const toWire = (i: number) => (i % 3 === 0 ? keyed : i)
    const parts = await stringifySliced({ a: new MappedItems(indexes, toWire) }, new TimeSlicer(0))
    assert.equal(parts?.join(''), JSON.stringify({ a: indexes.map(toWire) }))
  })

  it('makes the wire objects a chunk at a time, as the list is written', async () => {
    let made = 0
    let mostAlive = 0
    const slicer = new TimeSlicer(0)
    const items = Array.from({ length: 10 * CHUNK_ITEMS }, (_, i) => i)
    const wire = (i: number) => {
      made++
      mostAlive = Math.max(mostAlive, made - slicer.turns * CHUNK_ITEMS)
      return { i }
    }
    const parts = await stringifySliced({ items: new MappedItems(items, wire) }, slicer)
    assert.equal(parts?.join(''), JSON.stringify({ items: items.map((i) => ({ i })) }))
    assert.equal(made, items.length)
    assert.equal(slicer.turns, 10)
    // Never more than one chunk made ahead of what was written.
    assert.equal(mostAlive, CHUNK_ITEMS)
  })
})

describe(worthSlicing.name, () => {
  it('is true from SLICED_JSON_MIN_ITEMS items in the top-level arrays on, or for MappedItems', () => {
    const n = SLICED_JSON_MIN_ITEMS
    assert.equal(worthSlicing({ a: Array(n - 1).fill(0) }), false)
    assert.equal(worthSlicing({ a: Array(n - 1).fill(0), b: [1] }), true)
    assert.equal(worthSlicing(Array(n).fill(0)), true)
    assert.equal(worthSlicing({ user: { id: 'x', name: 'y' } }), false)
    assert.equal(worthSlicing({ nested: { a: Array(n).fill(0) } }), false)
    assert.equal(worthSlicing('text'), false)
    assert.equal(worthSlicing(null), false)
    assert.equal(worthSlicing({ a: new MappedItems([1, 2], String) }), true)
  })
})
