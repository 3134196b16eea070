/**
 * Internal glue between the registry ({@link OperationDef}) and the transport: fills path
 * parameters, turns a registry paging declaration into a `paginate` pager and runs list and
 * single-item calls. Resource files use it so their routes and paging cannot drift from the
 * registry the emulator serves.
 * @module
 */
import { z } from 'zod'
import { listAll, type Pager } from './core/paginate.ts'
import type { ItemSplit, Query, ServiceClient } from './core/types.ts'
import type { OperationDef, PagingDecl } from './operations.ts'

/** A registry entry of a list operation. */
export type ListDef = OperationDef & { readonly items: { key: string; schema: z.ZodType } }

/** Per-call inputs of an operation. */
export interface CallOptions {
  /** Query parameters in wire names; `undefined` values are left out. */
  query?: Query
  /** Values of the path's own parameters (`{user_id}`); `{project_id}`/`{domain_id}` stay for the transport. */
  params?: Record<string, string>
  /** Page size override (tests force small pages with it). */
  limit?: number
  signal?: AbortSignal
}

/** Fills `{name}` placeholders from `params` (URL-encoded), leaving unknown ones in place. */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : encodeURIComponent(params[name]),
  )
}

/** A next link as the transport wants it: absolute URLs as given, `/paths` under the endpoint. */
export function resolveNext(endpoint: string, next: unknown): string | undefined {
  if (typeof next !== 'string' || next === '') return undefined
  return next.startsWith('/') ? `${endpoint}${next}` : next
}

/** The value at a dotted path of a body (`meta_data.marker`), or undefined. */
export function valueAt(body: unknown, path: string): unknown {
  let v: unknown = body
  for (const k of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined
    v = (v as Record<string, unknown>)[k]
  }
  return v
}

function numberAt(body: unknown, path: string): number | undefined {
  const n = valueAt(body, path)
  return typeof n === 'number' ? n : undefined
}

function nextField(body: unknown, field: 'next' | 'links.next'): unknown {
  const b = body as { next?: unknown; links?: { next?: unknown } } | null
  return field === 'next' ? b?.next : b?.links?.next
}

/** The `paginate` pager for a registry paging declaration. */
export function pagerFor(decl: PagingDecl, endpoint: string, limit?: number): Pager<unknown> {
  switch (decl.kind) {
    case 'none':
      return { kind: 'none' }
    case 'links':
      return { kind: 'links', key: decl.linksKey, limit: limit ?? decl.defaultLimit }
    case 'next-url':
      return {
        kind: 'next-url',
        next: (b) => resolveNext(endpoint, nextField(b, decl.nextField)),
        limit: limit ?? decl.maxLimit,
      }
    case 'offset':
      return {
        kind: 'offset',
        limit: limit ?? decl.maxLimit,
        total: (b) => (b as Record<string, number | undefined>)[decl.totalKey],
      }
    case 'marker': {
      const { totalField } = decl
      return {
        kind: 'marker',
        limit: limit ?? decl.maxLimit,
        markerParam: decl.markerParam,
        ...(decl.markerField
          ? {
              nextMarker: (b: unknown) => {
                const m = valueAt(b, decl.markerField!)
                return typeof m === 'string' ? m : undefined
              },
            }
          : {}),
        ...(totalField ? { total: (b: unknown) => numberAt(b, totalField) } : {}),
        ...(decl.shortPageEnds ? { shortPageEnds: true } : {}),
      }
    }
  }
}

const SPLITS = new WeakMap<ListDef, ItemSplit | null>()

/**
 * The envelope/items split of a list operation's page schema, where the page is an object whose
 * items field is exactly an array of the item schema (then validating the envelope and each item
 * gives what the page schema gives); otherwise none, and the page is validated whole.
 */
export function itemSplit(def: ListDef): ItemSplit | undefined {
  let split = SPLITS.get(def)
  if (split === undefined) {
    const { key, schema: item } = def.items
    const page = def.schema
    const field = page instanceof z.ZodObject ? page.shape[key] : undefined
    // A page schema with refinements of its own is validated whole (an envelope would lose them).
    const plain = page instanceof z.ZodObject && (page._zod.def.checks ?? []).length === 0
    split =
      plain && field instanceof z.ZodArray && field.element === item
        ? { key, item, envelope: page.extend({ [key]: z.array(z.unknown()) }) }
        : null
    SPLITS.set(def, split)
  }
  return split ?? undefined
}

/** The item type of a list operation. */
export type ItemOf<D extends ListDef> = z.output<D['items']['schema']>

/**
 * Runs a list operation over all its pages and returns every item, or with `each` what it makes
 * of every item (applied as each item is validated: see `ListSpec.each`).
 */
export function listItems<D extends ListDef, R = ItemOf<D>>(
  client: ServiceClient,
  def: D,
  opts: CallOptions & { each?: (item: ItemOf<D>) => R } = {},
): Promise<R[]> {
  const key = def.items.key
  return listAll<D['schema'], ItemOf<D>, R>(client, {
    op: def.op,
    path: fillPath(def.path, opts.params),
    query: opts.query,
    scope: def.scope,
    schema: def.schema,
    items: (body) => (body as Record<string, z.output<D['items']['schema']>[]>)[key] ?? [],
    pager: pagerFor(def.pager, client.endpoint, opts.limit),
    signal: opts.signal,
    ...(def.critical ? { critical: true } : {}),
    split: itemSplit(def),
    ...(opts.each ? { each: opts.each } : {}),
  })
}

/** Runs a single-item operation and returns its parsed body. */
export async function callOne<D extends OperationDef>(
  client: ServiceClient,
  def: D,
  opts: CallOptions = {},
): Promise<z.output<D['schema']>> {
  const res = await client.request(
    {
      op: def.op,
      method: def.method,
      path: fillPath(def.path, opts.params),
      query: opts.query,
      scope: def.scope,
      signal: opts.signal,
      ...(def.critical ? { critical: true } : {}),
    },
    def.schema,
  )
  return res.body as z.output<D['schema']>
}
