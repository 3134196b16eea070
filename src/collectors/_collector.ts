/**
 * The contract of a collector: one resource type, the services whose clients it needs, and a
 * `collect` function that lists the type and maps each wire item with a pure `toX` function.
 * Errors thrown out of `collect` become a {@link CollectionIssue} for the whole type (in
 * `collect.ts`); partial failures inside a fan-out are returned as `issues` next to the items
 * that did load.
 * @module
 */
import type { ServiceClient, ServiceKey } from '../clients/core/types.ts'
import type { CollectionIssue, ResourceMap, ResourceType } from '../inventory/types.ts'

/** What a pure mapping function needs besides the wire object. */
export interface MapContext {
  /** Region of the scanned project (IAM mappings use `GLOBAL_REGION` instead). */
  readonly region: string
  readonly projectId: string
}

/** What a collector gets for one run. */
export interface CollectContext extends MapContext {
  /** Name of the scanned project, when the caller knows it. */
  readonly projectName?: string
  readonly signal?: AbortSignal
  /** The client of a service (resolved once per run and shared between collectors). */
  client(key: ServiceKey): Promise<ServiceClient>
  /**
   * Runs `fn` once per `key` in this run and shares its promise, so collectors that need the
   * same list (IAM users for users and access keys) call the API once.
   */
  shared<T>(key: string, fn: () => Promise<T>): Promise<T>
  /** Turns an error of a partial failure (one fan-out item) into an issue of this type. */
  issue(err: unknown): CollectionIssue
}

/** What a collector returns: every item it could map, and the partial failures. */
export interface CollectorOutput<T extends ResourceType> {
  readonly resources: ResourceMap[T][]
  readonly issues?: readonly CollectionIssue[]
  /** For reads a cloud offers in several API versions: the version that served (`v1`, `v3`). */
  readonly apiVersion?: string
}

/** One collector: produces exactly one resource type. */
export interface Collector<T extends ResourceType = ResourceType> {
  readonly type: T
  /** Our service key for issues and unavailability (`compute`, `iam`, …). */
  readonly service: ServiceKey
  /**
   * Clients to resolve before `collect` runs. A service missing from the catalog makes the type
   * unavailable; `collect` is then not called.
   */
  readonly services: readonly ServiceKey[]
  /** Account-wide (IAM): resources and issues carry `GLOBAL_REGION`. */
  readonly global?: boolean
  collect(ctx: CollectContext): Promise<CollectorOutput<T>>
}

/**
 * Identity helper that checks a collector's shape and keeps its literal type.
 * @example export const vpcEipCollector = defineCollector({ type: 'vpc.eip', service: 'network', services: ['network'], collect })
 */
export function defineCollector<T extends ResourceType>(c: Collector<T>): Collector<T> {
  return c
}
