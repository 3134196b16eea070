/**
 * Runs the collectors of a scan against one project and region and hands the result to the
 * Inventory. Independent collectors run concurrently (the transport limits requests per
 * endpoint); a failed call never becomes an empty list but a {@link CollectionIssue}; a service
 * missing from the catalog makes its types {@link UnavailableType}s.
 * @module
 */
import { ServiceUnavailableError } from '../clients/core/errors.ts'
import type { ServiceClient, ServiceKey } from '../clients/core/types.ts'
import type { InventoryInput } from '../inventory/inventory.ts'
import {
  type AnyResource,
  type CollectionIssue,
  GLOBAL_REGION,
  type ResourceType,
  type UnavailableType,
} from '../inventory/types.ts'
import type { CollectContext, Collector } from './_collector.ts'
import { issueFrom } from './_issue.ts'
import { COLLECTORS } from './registry.ts'

/** One finished resource type. */
export interface CollectProgress {
  service: string
  resourceType: ResourceType
  /** Types finished so far, including this one. */
  done: number
  total: number
  /** Resources of this type collected. */
  count: number
}

/** Inputs of {@link collectInventory}. */
export interface CollectOptions {
  /** A client per service, e.g. `session.client`; throws `ServiceUnavailableError` if not offered. */
  clientFor: (key: ServiceKey) => Promise<ServiceClient>
  region: string
  projectId: string
  projectName?: string
  /** Types to collect (default: all). */
  types?: readonly ResourceType[]
  /** Aborting rejects the run with the signal's reason; nothing partial is returned. */
  signal?: AbortSignal
  onProgress?: (e: CollectProgress) => void
  /**
   * Each resource type as soon as its collector is done (before the run ends), so checks whose
   * types are all done can run while other collectors are still reading (src/engine/staged-scope.ts).
   */
  onCollected?: (t: CollectedType) => void
}

/** One resource type, collected: what its collector read, and what went wrong. */
export interface CollectedType {
  readonly type: ResourceType
  readonly service: ServiceKey
  readonly resources: readonly AnyResource[]
  readonly issues: readonly CollectionIssue[]
  readonly unavailable: readonly UnavailableType[]
}

/** The API version that served each service read in several versions, e.g. `{ ces: 'v1' }`. */
export type ApiVersions = Readonly<Partial<Record<ServiceKey, string>>>

/** An {@link InventoryInput} whose issue and unavailable lists are always present. */
export interface CollectedInventory extends InventoryInput {
  readonly issues: readonly CollectionIssue[]
  readonly unavailable: readonly UnavailableType[]
  /**
   * Per service read in several API versions (compute, ces, cts, volume), the version that served it;
   * versions joined with `+` if its reads were served by different ones. Absent: nothing read.
   */
  readonly apiVersions: ApiVersions
}

interface Outcome {
  resources: readonly AnyResource[]
  issues: readonly CollectionIssue[]
  unavailable: readonly UnavailableType[]
  apiVersion?: string
}

/** The versions each service's collectors report, joined per service. */
export function apiVersionsOf(
  outcomes: readonly { service: ServiceKey; apiVersion?: string }[],
): ApiVersions {
  const by = new Map<ServiceKey, Set<string>>()
  for (const o of outcomes) {
    if (o.apiVersion === undefined) continue
    const set = by.get(o.service) ?? new Set<string>()
    by.set(o.service, set.add(o.apiVersion))
  }
  const keys = [...by.keys()].sort()
  return Object.fromEntries(keys.map((k) => [k, [...by.get(k)!].sort().join('+')]))
}

/**
 * Why a type is unavailable: the error's own reason (e.g. OTC's IAM extensions on a plain
 * OpenStack), else the catalog types looked for.
 */
export function unavailableReason(err: ServiceUnavailableError): string {
  if (err.reason) return err.reason
  const types = err.catalogTypes.join(', ')
  return err.availableRegions.length > 0
    ? `service ${err.serviceKey} has no endpoint in region ${err.region ?? '(none set)'} (catalog types ${types}; offered in ${err.availableRegions.join(', ')})`
    : `service ${err.serviceKey} is not in the service catalog (looked for types: ${types})`
}

function once<K, V>(fn: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>()
  return (key) => {
    const hit = cache.get(key)
    if (hit) return hit
    const p = fn(key)
    cache.set(key, p)
    return p
  }
}

async function run(c: Collector, base: Omit<CollectContext, 'issue'>): Promise<Outcome> {
  const region = c.global ? GLOBAL_REGION : base.region
  const issue = (err: unknown) =>
    issueFrom(err, { service: c.service, resourceType: c.type, region })
  const failed = (err: unknown): Outcome => {
    base.signal?.throwIfAborted()
    if (err instanceof ServiceUnavailableError) {
      const reason = unavailableReason(err)
      return {
        resources: [],
        issues: [],
        unavailable: [{ resourceType: c.type, service: c.service, reason }],
      }
    }
    return { resources: [], issues: [issue(err)], unavailable: [] }
  }
  try {
    await Promise.all(c.services.map((k) => base.client(k)))
    const out = await c.collect({ ...base, issue })
    base.signal?.throwIfAborted()
    return {
      resources: out.resources,
      issues: out.issues ?? [],
      unavailable: [],
      ...(out.apiVersion ? { apiVersion: out.apiVersion } : {}),
    }
  } catch (err) {
    return failed(err)
  }
}

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/**
 * The collectors of `types` (default: all), in the order their results are handed over. IAM
 * comes first: it fans out per user and per key, the longest chain of requests, and starting it
 * first keeps it from queueing behind the big first pages of the other lists (docs/benchmark.md).
 */
export function collectorsFor(types?: readonly ResourceType[]): Collector[] {
  const wanted = types && new Set(types)
  return COLLECTORS.filter((c) => !wanted || wanted.has(c.type)).sort(
    (a, b) => Number(b.service === 'iam') - Number(a.service === 'iam'),
  )
}

/**
 * Collects the inventory of one project in one region.
 * @example
 * const input = await collectInventory({ clientFor: (k) => session.client(k), region: 'eu-de', projectId })
 * const inventory = new Inventory(input)
 */
export async function collectInventory(opts: CollectOptions): Promise<CollectedInventory> {
  opts.signal?.throwIfAborted()
  const collectors = collectorsFor(opts.types)
  const shared = new Map<string, Promise<unknown>>()
  const base: Omit<CollectContext, 'issue'> = {
    region: opts.region,
    projectId: opts.projectId,
    projectName: opts.projectName,
    signal: opts.signal,
    client: once(opts.clientFor),
    shared: <T>(key: string, fn: () => Promise<T>) => {
      if (!shared.has(key)) shared.set(key, fn())
      return shared.get(key) as Promise<T>
    },
  }
  let done = 0
  const outcomes = await abortable(
    Promise.all(
      collectors.map(async (c) => {
        const out = await run(c, base)
        const count = out.resources.length
        const { resources, issues, unavailable } = out
        opts.onCollected?.({ type: c.type, service: c.service, resources, issues, unavailable })
        opts.onProgress?.({
          service: c.service,
          resourceType: c.type,
          done: ++done,
          total: collectors.length,
          count,
        })
        return out
      }),
    ),
    opts.signal,
  )
  return {
    resources: outcomes.flatMap((o) => o.resources),
    collected: collectors.map((c) => c.type),
    issues: outcomes.flatMap((o) => o.issues),
    unavailable: outcomes.flatMap((o) => o.unavailable),
    apiVersions: apiVersionsOf(
      outcomes.map((o, i) => ({ service: collectors[i]!.service, apiVersion: o.apiVersion })),
    ),
  }
}
