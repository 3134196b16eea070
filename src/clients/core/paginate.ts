/**
 * Paging, declared per operation and driven by one loop. Each service pages in its own style; the
 * operation names the style and this module walks the pages, guarding against servers that repeat
 * a marker, URL or offset.
 * @module
 */
import type { z } from 'zod'
import { mapSliced } from '../../model/time-slice.ts'
import type { ItemSplit, Query, RequestOptions, ServiceClient } from './types.ts'

/** How an operation's list pages. */
export type Pager<B> =
  /** One request returns everything. */
  | { kind: 'none' }
  /** `body[key]` is `[{ rel: 'next', href }]` (Nova `servers_links`, Neutron, Cinder, Keystone `links`). */
  | { kind: 'links'; key: string; limit?: number }
  /** A next URL or path read from the body (Glance `next`, Keystone `links.next`); absent or null ends. */
  | { kind: 'next-url'; next: (body: B) => string | null | undefined; limit?: number }
  /**
   * `marker` + `limit`: the next page starts after the last item's id (VPC v1, IMS cloudimages), or
   * after the marker the body names (`nextMarker`, e.g. VPC v3 `page_info.next_marker`, CES v1
   * `meta_data.marker`). Without `nextMarker`, a page shorter than `limit` ends; with `total`
   * (CES v1 `meta_data.total`), having read that many items ends; with `shortPageEnds` (ELB v3,
   * whose `next_marker` is there on the last page too), a page shorter than `limit` ends as well.
   */
  | {
      kind: 'marker'
      limit: number
      shortPageEnds?: boolean
      idKey?: string
      markerParam?: string
      nextMarker?: (body: B) => string | null | undefined
      total?: (body: B) => number | undefined
    }
  /**
   * `offset` + `limit` with a total count (RDS `total_count`, CBR `count`, CES v2 `count`). With
   * `pageNumber`, `offset` is a 1-based page number (ECS v1). `offsetParam` renames `offset`
   * (Auto Scaling `start_number`; CES v1 `start` is a marker, see `marker`). Without `total`, a page shorter than `limit` ends.
   */
  | {
      kind: 'offset'
      limit: number
      total?: (body: B) => number | undefined
      pageNumber?: boolean
      offsetParam?: string
    }

/** A list operation: request, page schema, how to get the items and how it pages. */
export interface ListSpec<S extends z.ZodType, T, R = T> {
  op: string
  path: string
  query?: Query
  scope?: RequestOptions['scope']
  schema: S
  items: (body: z.output<S>) => T[]
  pager: Pager<z.output<S>>
  /** Stop after this many pages (default 10,000) and throw: a cloud that never ends paging. */
  maxPages?: number
  signal?: AbortSignal
  /** See {@link RequestOptions.critical}. */
  critical?: boolean
  /** Validate the items one by one in time slices (see {@link ServiceClient.requestItems}). */
  split?: ItemSplit
  /**
   * What the caller keeps of each item (a collector's mapping): applied to every item as it is
   * validated where the page is validated item by item and the pager reads no item (the
   * validated copy is garbage at once), else to each page once its next marker is known.
   */
  each?: (item: T) => R
}

/** A server that hands out the same marker, URL or offset twice would make us loop forever. */
export class PaginationLoopError extends Error {
  readonly code = 'E_PAGINATION_LOOP'
  constructor(
    readonly service: string,
    readonly op: string,
    readonly repeated: string,
  ) {
    super(`${service} ${op}: endless pagination detected (the server repeated ${repeated})`)
    this.name = 'PaginationLoopError'
  }
}

function nextFromLinks(body: unknown, key: string): string | undefined {
  const links = (body as Record<string, unknown> | null)?.[key]
  if (!Array.isArray(links)) return undefined
  const next = links.find((l) => (l as { rel?: unknown })?.rel === 'next') as
    | { href?: unknown }
    | undefined
  return typeof next?.href === 'string' && next.href !== '' ? next.href : undefined
}

/** Whether the pager reads an item itself (the last one's id as the next marker). */
function readsItems<B>(pager: Pager<B>): boolean {
  return pager.kind === 'marker' && pager.nextMarker === undefined
}

/**
 * Yields the items of a list operation page by page (with `each`, what it made of them).
 * @throws {PaginationLoopError} when the server repeats a page
 */
export async function* paginate<S extends z.ZodType, T, R = T>(
  client: ServiceClient,
  spec: ListSpec<S, T, R>,
): AsyncGenerator<R[]> {
  const maxPages = spec.maxPages ?? 10_000
  const pager = spec.pager
  const seen = new Set<string>()
  let path = spec.path
  let query: RequestOptions['query'] = { ...spec.query }
  if (pager.kind !== 'none' && 'limit' in pager && pager.limit !== undefined)
    query.limit = pager.limit
  if (pager.kind === 'offset') query[pager.offsetParam ?? 'offset'] = pager.pageNumber ? 1 : 0
  let fetched = 0
  for (let page = 0; ; page++) {
    if (page >= maxPages)
      throw new PaginationLoopError(client.service, spec.op, `more than ${maxPages} pages`)
    const opts = {
      op: spec.op,
      path,
      query,
      scope: spec.scope,
      signal: spec.signal,
      critical: spec.critical,
    }
    // `each` goes to the client, which maps each item as it validates it; else the page is mapped.
    const fused =
      spec.each !== undefined &&
      spec.split !== undefined &&
      client.requestItems !== undefined &&
      !readsItems(pager)
    const res: { body: z.output<S> } =
      spec.split && client.requestItems
        ? await client.requestItems(
            opts,
            spec.schema,
            spec.split,
            fused ? (spec.each as (item: unknown) => unknown) : undefined,
          )
        : await client.request(opts, spec.schema)
    const body = res.body
    const items = spec.items(body)
    fetched += items.length
    yield (spec.each && !fused ? await mapSliced(items, spec.each) : items) as R[]
    let key: string | undefined
    if (pager.kind === 'none') return
    if (pager.kind === 'links' || pager.kind === 'next-url') {
      const next =
        pager.kind === 'links' ? nextFromLinks(body, pager.key) : (pager.next(body) ?? undefined)
      if (!next || items.length === 0) return
      key = `URL ${next}`
      path = next
      query = undefined
    } else if (pager.kind === 'marker') {
      const last = items[items.length - 1] as Record<string, unknown> | undefined
      const marker: unknown = pager.nextMarker
        ? pager.nextMarker(body)
        : items.length < pager.limit
          ? undefined
          : last?.[pager.idKey ?? 'id']
      const total = pager.total?.(body)
      if (marker === undefined || marker === null || marker === '' || items.length === 0) return
      if (pager.shortPageEnds && items.length < pager.limit) return
      if (total !== undefined && fetched >= total) return
      key = `marker ${String(marker)}`
      query = { ...query, [pager.markerParam ?? 'marker']: String(marker) }
    } else {
      const total = pager.total?.(body)
      if (
        items.length === 0 ||
        (total !== undefined ? fetched >= total : items.length < pager.limit)
      )
        return
      const param = pager.offsetParam ?? 'offset'
      const next = pager.pageNumber ? page + 2 : fetched
      key = `${param} ${next}`
      query = { ...query, [param]: next }
    }
    if (seen.has(key)) throw new PaginationLoopError(client.service, spec.op, key)
    seen.add(key)
  }
}

/** Collects every item of a list operation. */
export async function listAll<S extends z.ZodType, T, R = T>(
  client: ServiceClient,
  spec: ListSpec<S, T, R>,
): Promise<R[]> {
  // The first page is kept as it is (no copy); later pages are appended item by item (a spread
  // of a long page would overflow the stack's argument limit).
  let out: R[] | undefined
  for await (const page of paginate(client, spec)) {
    if (out === undefined) out = page
    else for (const item of page) out.push(item)
  }
  return out ?? []
}
