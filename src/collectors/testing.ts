/**
 * Test helpers for collectors: fake service clients that answer by operation name with the
 * client fixtures, a `clientFor` that reports unmapped services as missing from the catalog, and
 * ready-made transport errors.
 * @module
 */
import { CATALOG_TYPES } from '../clients/core/catalog.ts'
import {
  CloudApiError,
  type CloudErrorKind,
  ServiceUnavailableError,
} from '../clients/core/errors.ts'
import type { RequestOptions, ServiceClient, ServiceKey } from '../clients/core/types.ts'
import { OPS, type OperationKey } from '../clients/operations.ts'
import { type FakeClient, fakeClient, pagesOf } from '../clients/testing/fake-client.ts'
import type { ResourceType } from '../inventory/types.ts'
import type { Collector, CollectorOutput, MapContext } from './_collector.ts'

/** Region and project of tests. */
export const CTX: MapContext = { region: 'eu-de', projectId: 'p-0001' }

/** Domain id of the fake clients. */
export const DOMAIN_ID = 'd-0001'

/** How a fake service answers one operation: its items (one page), an error, or a function. */
export type Reply = readonly unknown[] | Error | ((req: RequestOptions) => unknown)

/**
 * A fake client of `service` answering each operation (by registry name, e.g. `ListPorts`) from
 * `replies`; an item array becomes one page in the operation's own paging style.
 * @example fakeService('network', { ListPorts: [portWire()], ListFloatingIps: forbidden('network', 'ListFloatingIps') })
 */
export function fakeService(service: ServiceKey, replies: Record<string, Reply>): FakeClient {
  return fakeClient(
    (req) => {
      const r = replies[req.op]
      if (r === undefined) return new Error(`fake ${service}: no reply for ${req.op}`)
      if (r instanceof Error) return r
      if (typeof r === 'function') return r(req)
      const def = OPS[`${service}.${req.op}` as OperationKey]
      return pagesOf(def, r as unknown[], Math.max(r.length, 1))[0]
    },
    { service, domainId: DOMAIN_ID },
  )
}

/** A `clientFor` over the given clients; any other service is missing from the catalog. */
export function clientsFor(
  clients: Partial<Record<ServiceKey, ServiceClient>>,
): (key: ServiceKey) => Promise<ServiceClient> {
  return async (key) => {
    const c = clients[key]
    if (c) return c
    throw new ServiceUnavailableError(
      key,
      CATALOG_TYPES[key],
      CTX.region,
      [],
      'https://iam.test/v3',
    )
  }
}

/** A transport error of `kind` (403 `forbidden` by default) for `service`'s `op`. */
export function apiError(
  service: string,
  op: string,
  kind: CloudErrorKind = 'forbidden',
  status = 403,
): CloudApiError {
  return new CloudApiError({
    service,
    op,
    method: 'GET',
    url: `https://fake.example.test/${op}`,
    kind,
    status,
  })
}

/**
 * Runs one collector against a fake client of `service` answering from `replies`; its issues
 * carry the error's message (kind `forbidden`), as the test's assertions read them.
 * @example await runCollector(elbListenerCollector, 'elb', otcElbReplies())
 */
export function runCollector<T extends ResourceType>(
  collector: Collector<T>,
  service: ServiceKey,
  replies: Record<string, unknown>,
): Promise<CollectorOutput<T>> {
  return collector.collect({
    ...CTX,
    client: async () => fakeService(service, replies as Record<string, Reply>),
    shared: (_k, fn) => fn(),
    issue: (err) => ({
      service,
      resourceType: collector.type,
      region: CTX.region,
      errorKind: 'forbidden',
      message: err instanceof Error ? err.message : String(err),
    }),
  })
}
