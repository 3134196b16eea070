/**
 * The contract between the transport (auth, catalog, retries, limits) and the per-service
 * operations. Operations receive a {@link ServiceClient} and never see tokens, hosts or retries.
 * @module
 */

import type { z } from 'zod'
import type { HeaderLookup } from './node-fetch.ts'

/** HTTP methods the client sends. Only GET and HEAD are retried by default. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Query parameters; `undefined` values are left out. */
export type Query = Record<string, string | number | boolean | undefined>

/** One request to a service, relative to the service's endpoint from the catalog. */
export interface RequestOptions {
  /** Operation name for logs and errors, e.g. `ListServers`. */
  op: string
  method?: HttpMethod
  /**
   * Path relative to the endpoint, may contain `{project_id}` and `{domain_id}`, e.g.
   * `/v2.1/{project_id}/servers/detail`. An absolute URL (a `next` link) is used as given, but only
   * if it points at the same origin as the endpoint.
   */
  path: string
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /** Which token to send: project-scoped (default) or domain-scoped (IAM extension APIs). */
  scope?: 'project' | 'domain'
  /** Retry this request even though it is not a GET/HEAD (only for requests known to be idempotent). */
  idempotent?: boolean
  /**
   * Time for the whole call, all attempts and waits between them included, in ms (authentication
   * uses it so a silent endpoint cannot hold a scan for attempts × timeout). Each attempt gets the
   * smaller of the per-request timeout and what is left; no retry starts that would end after it.
   */
  budgetMs?: number
  /** HTTP statuses that count as success (default: any 2xx). */
  expect?: number[]
  signal?: AbortSignal
  /**
   * On the scan's longest dependency chain (IAM users → keys → last use): the endpoint's limiter
   * serves it before the requests that wait without this flag.
   */
  critical?: boolean
}

/** A parsed response. */
export interface ServiceResponse<T> {
  status: number
  headers: HeaderLookup
  body: T
  /** The URL requested (without query secrets). */
  url: string
}

/** A client bound to one service endpoint of one project. */
export interface ServiceClient {
  /** Our service key, e.g. `compute`, `network`, `rds`. */
  readonly service: string
  /** Resolved base URL of the endpoint (no trailing slash). */
  readonly endpoint: string
  readonly projectId: string
  readonly domainId: string
  readonly region: string
  /**
   * The catalog types of this service that the catalog lists for the region (e.g. `volumev2`,
   * `volumev3`, `evs`): they say which API versions the cloud advertises. Empty or absent when
   * the endpoint came from an override or was derived.
   */
  readonly catalogTypes?: readonly string[]
  /**
   * Sends a request and validates the JSON body with `schema`. Throws `CloudApiError` on HTTP
   * errors (after retries) and on a body that does not match (kind `schema`, naming the path).
   */
  request<S extends z.ZodType>(
    opts: RequestOptions,
    schema: S,
  ): Promise<ServiceResponse<z.output<S>>>
  /**
   * Sends a request and returns the body as text, unparsed (OBS answers XML). Errors as for
   * {@link ServiceClient.request}; statuses in `opts.expect` count as success.
   */
  requestText(opts: RequestOptions): Promise<ServiceResponse<string>>
  /**
   * {@link ServiceClient.request} for a list page whose items are validated one by one in time
   * slices (the event loop gets a turn between slices); same result and errors. Optional: a
   * client without it is asked with `request`. With `each`, every item is replaced by what `each`
   * makes of it as soon as it is validated (a collector's mapping), so the validated copy is
   * garbage at once instead of surviving until the last page; the body's items are then those.
   */
  requestItems?<S extends z.ZodType>(
    opts: RequestOptions,
    schema: S,
    split: ItemSplit,
    each?: (item: unknown) => unknown,
  ): Promise<ServiceResponse<z.output<S>>>
}

/**
 * How a list page's schema splits into an envelope and its items: `envelope` is the page schema
 * with `body[key]` an array of anything, `item` the schema of one element of it.
 */
export interface ItemSplit {
  readonly key: string
  readonly envelope: z.ZodType
  readonly item: z.ZodType
}

/**
 * Our keys for the services Sphere reads. Each maps to catalog types (with aliases) in
 * `catalog.ts`; `iam` is the OTC IAM extension API (`/v3.0/OS-*`) on the identity endpoint.
 */
export const SERVICE_KEYS = [
  'identity',
  'iam',
  'compute',
  'image',
  'network',
  'volume',
  'cbr',
  'ces',
  'cts',
  'rds',
  'obs',
  'kms',
  'dcs',
  'vpc',
  'elb',
  'cce',
] as const
export type ServiceKey = (typeof SERVICE_KEYS)[number]
