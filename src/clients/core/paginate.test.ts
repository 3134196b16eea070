import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { type ListSpec, listAll, type Pager, PaginationLoopError, paginate } from './paginate.ts'
import type { RequestOptions, ServiceClient } from './types.ts'

type Item = { id: string }
const ids = (...n: number[]): Item[] => n.map((i) => ({ id: `i${i}` }))

/** A fake client answering each request with `serve(opts, n)` and recording the requests. */
function fakeClient(serve: (opts: RequestOptions, n: number) => unknown) {
  const seen: RequestOptions[] = []
  const client: ServiceClient = {
    service: 'fake',
    endpoint: 'https://x.example',
    projectId: 'p',
    domainId: 'd',
    region: 'r',
    async request(opts, schema) {
      seen.push({ ...opts, query: opts.query ? { ...opts.query } : undefined })
      const body = schema.parse(serve(opts, seen.length))
      return { status: 200, headers: new Headers(), body, url: opts.path }
    },
    requestText: () => Promise.reject(new Error('not used')),
  }
  return { client, seen }
}

const Body = z.looseObject({ items: z.array(z.object({ id: z.string() })) })
type B = z.output<typeof Body>
const spec = (
  pager: Pager<B>,
  over: Partial<ListSpec<typeof Body, Item>> = {},
): ListSpec<typeof Body, Item> => ({
  op: 'ListThings',
  path: '/v1/{project_id}/things',
  schema: Body,
  items: (b) => b.items,
  pager,
  ...over,
})

describe('paginate', () => {
  it('none: one request', async () => {
    const f = fakeClient(() => ({ items: ids(1, 2) }))
    assert.deepEqual(
      await listAll(f.client, spec({ kind: 'none' }, { query: { a: 1 } })),
      ids(1, 2),
    )
    assert.deepEqual(
      f.seen.map((s) => s.query),
      [{ a: 1 }],
    )
  })
  it('links: follows rel=next hrefs with no extra query, stops without one', async () => {
    const f = fakeClient((_o, n) =>
      n === 1
        ? {
            items: ids(1, 2),
            things_links: [
              { rel: 'next', href: 'https://x.example/v1/p/things?marker=i2&limit=2' },
            ],
          }
        : { items: ids(3), things_links: [{ rel: 'previous', href: 'x' }] },
    )
    assert.deepEqual(
      await listAll(f.client, spec({ kind: 'links', key: 'things_links', limit: 2 })),
      ids(1, 2, 3),
    )
    assert.deepEqual(
      f.seen.map((s) => [s.path, s.query]),
      [
        ['/v1/{project_id}/things', { limit: 2 }],
        ['https://x.example/v1/p/things?marker=i2&limit=2', undefined],
      ],
    )
  })
  it('links: a repeated next URL is a loop', async () => {
    const f = fakeClient(() => ({
      items: ids(1),
      things_links: [{ rel: 'next', href: '/v1/p/things?marker=i1' }],
    }))
    await assert.rejects(
      listAll(f.client, spec({ kind: 'links', key: 'things_links' })),
      (e: PaginationLoopError) =>
        e instanceof PaginationLoopError &&
        /repeated URL \/v1\/p\/things\?marker=i1/.test(e.message),
    )
    assert.equal(f.seen.length, 2)
  })
  it('next-url: Glance-style relative `next`', async () => {
    const f = fakeClient((_o, n) =>
      n === 1 ? { items: ids(1), next: '/v2/images?marker=i1' } : { items: ids(2) },
    )
    const s = spec({ kind: 'next-url', next: (b) => b.next as string | undefined })
    assert.deepEqual(await listAll(f.client, s), ids(1, 2))
    assert.equal(f.seen[1]!.path, '/v2/images?marker=i1')
  })
  it('next-url: ends on an empty page even if next is present', async () => {
    const f = fakeClient(() => ({ items: [], next: '/again' }))
    assert.deepEqual(
      await listAll(f.client, spec({ kind: 'next-url', next: (b) => b.next as string })),
      [],
    )
    assert.equal(f.seen.length, 1)
  })
  it('marker: last id of a full page, stops on a short page', async () => {
    const f = fakeClient((_o, n) => ({ items: n === 1 ? ids(1, 2) : ids(3) }))
    assert.deepEqual(await listAll(f.client, spec({ kind: 'marker', limit: 2 })), ids(1, 2, 3))
    assert.deepEqual(
      f.seen.map((s) => s.query),
      [{ limit: 2 }, { limit: 2, marker: 'i2' }],
    )
  })
  it('marker: nextMarker from the body and a renamed parameter (CES v1 start)', async () => {
    const f = fakeClient((_o, n) => ({
      items: ids(n),
      meta_data: { marker: n < 3 ? `m${n}` : '' },
    }))
    const s = spec({
      kind: 'marker',
      limit: 1,
      markerParam: 'start',
      nextMarker: (b) => (b.meta_data as { marker: string }).marker,
    })
    assert.deepEqual(await listAll(f.client, s), ids(1, 2, 3))
    assert.deepEqual(
      f.seen.map((x) => x.query?.start),
      [undefined, 'm1', 'm2'],
    )
  })
  it('marker: shortPageEnds stops on a short page although next_marker is there (ELB v3)', async () => {
    const f = fakeClient((_o, n) => ({
      items: n === 1 ? ids(1, 2) : ids(3),
      page_info: { next_marker: n === 1 ? 'i2' : 'i3' },
    }))
    const s = spec({
      kind: 'marker',
      limit: 2,
      shortPageEnds: true,
      nextMarker: (b) => (b.page_info as { next_marker: string }).next_marker,
    })
    assert.deepEqual(await listAll(f.client, s), ids(1, 2, 3))
    assert.equal(f.seen.length, 2, 'no third request after the short page')
  })
  it('marker: a repeated marker is a loop', async () => {
    const f = fakeClient(() => ({ items: ids(1, 2) }))
    await assert.rejects(listAll(f.client, spec({ kind: 'marker', limit: 2 })), PaginationLoopError)
    assert.equal(f.seen.length, 2)
  })
  it('offset: item offset until the total is reached', async () => {
    const f = fakeClient((o) => ({
      items: Number(o.query?.offset) === 0 ? ids(1, 2) : ids(3),
      total_count: 3,
    }))
    const s = spec({ kind: 'offset', limit: 2, total: (b) => b.total_count as number })
    assert.deepEqual(await listAll(f.client, s), ids(1, 2, 3))
    assert.deepEqual(
      f.seen.map((x) => x.query),
      [
        { limit: 2, offset: 0 },
        { limit: 2, offset: 2 },
      ],
    )
  })
  it('offset: 1-based page numbers (ECS v1) and a short last page without total', async () => {
    const f = fakeClient((o) => ({ items: o.query?.offset === 1 ? ids(1, 2) : ids(3) }))
    assert.deepEqual(
      await listAll(f.client, spec({ kind: 'offset', limit: 2, pageNumber: true })),
      ids(1, 2, 3),
    )
    assert.deepEqual(
      f.seen.map((x) => x.query?.offset),
      [1, 2],
    )
  })
  it('offset: renamed parameter (start_number) and an empty page ends', async () => {
    const f = fakeClient((o) => ({
      items: o.query?.start_number === 0 ? ids(1, 2) : [],
      total_number: 10,
    }))
    const s = spec({
      kind: 'offset',
      limit: 2,
      offsetParam: 'start_number',
      total: (b) => b.total_number as number,
    })
    assert.deepEqual(await listAll(f.client, s), ids(1, 2))
    assert.equal(f.seen.length, 2)
  })
  it('stops at maxPages with a PaginationLoopError', async () => {
    let n = 0
    const f = fakeClient(() => ({ items: ids(++n) }))
    await assert.rejects(
      listAll(f.client, spec({ kind: 'marker', limit: 1 }, { maxPages: 3 })),
      /more than 3 pages/,
    )
    assert.equal(f.seen.length, 3)
  })
  it('yields page by page and passes scope and signal', async () => {
    const ac = new AbortController()
    const f = fakeClient((_o, n) => ({ items: n === 1 ? ids(1) : [] }))
    const pages: Item[][] = []
    for await (const p of paginate(
      f.client,
      spec({ kind: 'marker', limit: 1 }, { scope: 'domain', signal: ac.signal }),
    ))
      pages.push(p)
    assert.deepEqual(pages, [ids(1), []])
    assert.equal(f.seen[0]!.scope, 'domain')
    assert.equal(f.seen[0]!.signal, ac.signal)
  })
})

describe('paginate with each', () => {
  const split = { key: 'items', item: z.object({ id: z.string() }), envelope: Body }
  /** The fake client with `requestItems`: records the `each` it was given and applies it. */
  function itemsClient(serve: (n: number) => unknown) {
    const f = fakeClient((_o, n) => serve(n))
    const given: (((item: unknown) => unknown) | undefined)[] = []
    f.client.requestItems = async (opts, schema, _split, each) => {
      given.push(each)
      const res = await f.client.request(opts, schema)
      const body = res.body as { items: unknown[] }
      return each ? { ...res, body: { ...body, items: body.items.map(each) } as never } : res
    }
    return { ...f, given }
  }
  const upper = (i: Item) => i.id.toUpperCase()
  const mapped = (pager: Pager<B>): ListSpec<typeof Body, Item, string> => ({
    ...spec(pager),
    split,
    each: upper,
  })

  it('links: each goes to the client, which maps as it validates', async () => {
    const f = itemsClient((n) =>
      n === 1
        ? { items: ids(1, 2), things_links: [{ rel: 'next', href: '/v1/p/things?marker=i2' }] }
        : { items: ids(3) },
    )
    const out = await listAll(f.client, mapped({ kind: 'links', key: 'things_links' }))
    assert.deepEqual(out, ['I1', 'I2', 'I3'])
    assert.equal(f.given.length, 2)
    assert.ok(f.given.every((e) => e !== undefined))
  })

  it('marker from the last id: the pager reads the item, so the page is mapped after it', async () => {
    const f = itemsClient((n) => ({ items: n === 1 ? ids(1, 2) : ids(3) }))
    const out = await listAll(f.client, mapped({ kind: 'marker', limit: 2 }))
    assert.deepEqual(out, ['I1', 'I2', 'I3'])
    assert.deepEqual(f.given, [undefined, undefined], 'not given to the client')
    assert.deepEqual(
      f.seen.map((s) => s.query),
      [{ limit: 2 }, { limit: 2, marker: 'i2' }],
      'the marker is the wire id',
    )
  })

  it('a client without requestItems: each maps every page', async () => {
    const f = fakeClient(() => ({ items: ids(1, 2) }))
    assert.deepEqual(await listAll(f.client, mapped({ kind: 'none' })), ['I1', 'I2'])
  })
})
