/**
 * Paging in each service's own style (otc-api.md §13): `limit` + `marker` with `<res>_links`
 * (Nova, Neutron, Cinder), Glance's relative `next`, `offset` + `limit` with a total (CBR, CES
 * v2, RDS) and Keystone's `page`/`per_page` with `links.next`.
 * @module
 */

/** A service's limits for `limit`. */
export interface LimitRule {
  /** Used when the request has no `limit`; `Infinity` = everything. */
  defaultLimit: number
  max: number
  /** Above `max`: clamp silently (OpenStack) or reject with 400 (RDS, CBR, CES). */
  overMax: 'clamp' | 'reject'
  /** Smallest accepted limit (RDS/CES: 1; OpenStack: 0). */
  min?: number
}

/** A rejected paging parameter; the route turns it into the service's 400. */
export class PagingError extends Error {}

function intParam(raw: string | undefined, what: string): number | undefined {
  if (raw === undefined || raw === '') return undefined
  if (!/^-?\d+$/.test(raw)) throw new PagingError(`${what} must be an integer, got "${raw}"`)
  return Number(raw)
}

/** Resolves `limit` against a service's rule. */
export function readLimit(raw: string | undefined, rule: LimitRule): number {
  const limit = intParam(raw, 'limit')
  if (limit === undefined) return rule.defaultLimit
  const min = rule.min ?? 0
  if (limit < min) throw new PagingError(`limit must be at least ${min}, got ${limit}`)
  if (limit > rule.max) {
    if (rule.overMax === 'reject')
      throw new PagingError(`limit must be between ${min} and ${rule.max}, got ${limit}`)
    return rule.max
  }
  return limit
}

/** Per list, where the pages served last ended: their last id → its position. */
const pageEnds = new WeakMap<readonly unknown[], Map<string, number>>()
/** Page ends remembered per list (a few clients paging the same list at once). */
const PAGE_ENDS_MAX = 64

/**
 * `items.findIndex((it) => idOf(it) === marker)`, without a scan of the whole list for every
 * page: a marker is normally the last id of the page served before, whose position
 * {@link markerPage} remembers. A remembered position is used only while the item there still
 * has the marker's id (ids are unique in a list, so that is the item findIndex finds); any other
 * marker is searched for.
 */
export function markerIndex<T>(items: readonly T[], idOf: (item: T) => string, marker: string) {
  const known = pageEnds.get(items)?.get(marker)
  if (known !== undefined && known < items.length && idOf(items[known]!) === marker) return known
  return items.findIndex((it) => idOf(it) === marker)
}

function rememberPageEnd(items: readonly unknown[], id: string, position: number): void {
  let ends = pageEnds.get(items)
  if (!ends) {
    ends = new Map()
    pageEnds.set(items, ends)
  }
  if (ends.size >= PAGE_ENDS_MAX) ends.clear()
  ends.set(id, position)
}

/** A page after `marker` (an item id); an unknown marker is a 400 as in Nova and Glance. */
export function markerPage<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  marker: string | undefined,
  limit: number,
): { page: T[]; more: boolean } {
  let start = 0
  if (marker !== undefined && marker !== '') {
    const i = markerIndex(items, idOf, marker)
    if (i < 0) throw new PagingError(`marker [${marker}] not found`)
    start = i + 1
  }
  const end = Math.min(items.length, start + limit)
  const more = end < items.length
  if (more && end > start) rememberPageEnd(items, idOf(items[end - 1]!), end - 1)
  return { page: items.slice(start, end), more }
}

/** A page at an item offset (CBR, CES v2, RDS). */
export function offsetPage<T>(
  items: readonly T[],
  rawOffset: string | undefined,
  limit: number,
): { page: T[]; offset: number } {
  const offset = intParam(rawOffset, 'offset') ?? 0
  if (offset < 0) throw new PagingError(`offset must not be negative, got ${offset}`)
  return { page: items.slice(offset, offset + limit), offset }
}

/** The request URL with `limit` and `marker` replaced (other filters kept). */
export function nextUrl(url: URL, params: Record<string, string | number>): URL {
  const next = new URL(url)
  for (const [k, v] of Object.entries(params)) next.searchParams.set(k, String(v))
  return next
}

/**
 * A `<res>_links` array: `[{rel: 'next', href}]` while more items exist, else absent. Nova and
 * Cinder really send `next` whenever a page is full (the client then gets one empty page); we
 * send it only when more exist, as Neutron does.
 */
export function nextLinks(
  url: URL,
  more: boolean,
  limit: number,
  lastId: string | undefined,
): { href: string; rel: string }[] | undefined {
  if (!more || lastId === undefined) return undefined
  return [{ rel: 'next', href: nextUrl(url, { limit, marker: lastId }).href }]
}
