/**
 * A scripted {@link ServiceClient} for operation tests: it answers requests from a list of
 * bodies (or a function), validates each body with the operation's schema like the real client,
 * and records every request for assertions. {@link pagesOf} cuts items into pages in a
 * service's own paging style.
 * @module
 */
import type { z } from 'zod'
import type { RequestOptions, ServiceClient, ServiceResponse } from '../core/types.ts'
import type { OperationDef } from '../operations.ts'

/** Answers one request with a body; throwing (or returning an `Error`) fails the request. */
export type FakeResponder = (req: RequestOptions, index: number) => unknown

/** A {@link ServiceClient} that also exposes the requests it received. */
export interface FakeClient extends ServiceClient {
  /** Every request, in order, with its query copied. */
  readonly calls: RequestOptions[]
}

/** Identity of the fake client; endpoint and ids are fixed so tests can assert URLs. */
export const FAKE_ENDPOINT = 'https://fake.example.test'

/**
 * A fake client answering from `script`: an array of bodies used in order, or a function.
 * @example const c = fakeClient([{ servers: [], servers_links: [] }]); await listServersDetail(c)
 */
export function fakeClient(
  script: readonly unknown[] | FakeResponder,
  init: Partial<
    Pick<ServiceClient, 'service' | 'endpoint' | 'projectId' | 'domainId' | 'catalogTypes'>
  > = {},
): FakeClient {
  const calls: RequestOptions[] = []
  const respond: FakeResponder =
    typeof script === 'function'
      ? script
      : (req, i) => {
          if (i >= script.length) throw new Error(`fake client: no response scripted for ${req.op}`)
          return script[i]
        }
  return {
    service: init.service ?? 'fake',
    endpoint: init.endpoint ?? FAKE_ENDPOINT,
    projectId: init.projectId ?? 'p-0001',
    domainId: init.domainId ?? 'd-0001',
    region: 'eu-de',
    catalogTypes: init.catalogTypes ?? [],
    calls,
    async request<S extends z.ZodType>(
      opts: RequestOptions,
      schema: S,
    ): Promise<ServiceResponse<z.output<S>>> {
      calls.push({ ...opts, query: opts.query && { ...opts.query } })
      const body = respond(opts, calls.length - 1)
      if (body instanceof Error) throw body
      return { status: 200, headers: new Headers(), body: schema.parse(body), url: opts.path }
    },
    /** Answers with a string (200) or `{ status, text }`; a status outside `expect` throws. */
    async requestText(opts: RequestOptions): Promise<ServiceResponse<string>> {
      calls.push({ ...opts, query: opts.query && { ...opts.query } })
      const body = respond(opts, calls.length - 1)
      if (body instanceof Error) throw body
      const { status, text } =
        typeof body === 'string' ? { status: 200, text: body } : (body as FakeText)
      if (!(opts.expect ?? [200]).includes(status))
        throw new Error(`fake client: status ${status} not expected by ${opts.op}`)
      return { status, headers: new Headers(), body: text, url: opts.path }
    },
  }
}

/** A scripted text answer with a status (OBS: a 404 `<Error>` body). */
export interface FakeText {
  status: number
  text: string
}

/**
 * Cuts `items` into pages of `size` in the paging style `def` declares, as the real service
 * would send them: `<res>_links` with a marker URL (Nova, Neutron, Cinder), a relative `next`
 * (Glance), `links.next` (Keystone), a total count (CBR, CES v2, RDS), or a marker naming the
 * page's last id with the total beside it (CES v1 `meta_data: { count, marker, total }`).
 */
export function pagesOf(
  def: OperationDef,
  items: readonly unknown[],
  size: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  const key = def.items?.key
  if (!key) throw new Error(`${def.key} is not a list operation`)
  const pager = def.pager
  const chunks: unknown[][] = []
  for (let i = 0; i < items.length || chunks.length === 0; i += size)
    chunks.push(items.slice(i, i + size))
  if (pager.kind === 'none') return [{ ...extra, [key]: [...items] }]
  return chunks.map((chunk, i) => {
    const last = i === chunks.length - 1
    const lastItem = chunk.at(-1) as { id?: unknown; alarm_id?: unknown } | undefined
    const marker = String(lastItem?.id ?? lastItem?.alarm_id ?? i)
    const path = def.path.replace('{project_id}', 'p-0001')
    const body: Record<string, unknown> = { ...extra, [key]: chunk }
    if (pager.kind === 'links')
      body[pager.linksKey] = last
        ? []
        : [{ rel: 'next', href: `${FAKE_ENDPOINT}${path}?limit=${size}&marker=${marker}` }]
    else if (pager.kind === 'next-url' && pager.nextField === 'next')
      body.next = last ? undefined : `${path}?limit=${size}&marker=${marker}`
    else if (pager.kind === 'next-url')
      body.links = {
        self: `${FAKE_ENDPOINT}${path}`,
        previous: null,
        next: last ? null : `${FAKE_ENDPOINT}${path}?page=${i + 2}&per_page=${size}`,
      }
    else if (pager.kind === 'marker' && pager.markerField) {
      const parent = markerParent(body, pager.markerField)
      parent.count = chunk.length
      parent[lastKey(pager.markerField)] = chunk.length > 0 ? marker : ''
      if (pager.totalField)
        markerParent(body, pager.totalField)[lastKey(pager.totalField)] = items.length
    } else if (pager.kind === 'offset') body[pager.totalKey] = items.length
    return body
  })
}

const lastKey = (path: string) => path.split('.').at(-1)!

/** The object holding the last key of a dotted path, created on the way. */
function markerParent(body: Record<string, unknown>, path: string): Record<string, unknown> {
  let o = body
  for (const k of path.split('.').slice(0, -1)) {
    o[k] ??= {}
    o = o[k] as Record<string, unknown>
  }
  return o
}
