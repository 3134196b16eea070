/**
 * Shared by the ELB collectors: read one list from both API families (`clients/elb/families.ts`)
 * and merge what they served. Items listed by both (OTC v3 can list shared load balancers too)
 * are kept once, the v3 one. A family that failed is one issue; its items are missing, never an
 * empty list. When no family is served at all, the read fails.
 * @module
 */

import { ApiVersionError } from '../clients/core/api-versions.ts'
import type { CloudApiError } from '../clients/core/errors.ts'
import type { ServiceClient } from '../clients/core/types.ts'
import { type FamilyRead, lbaasOrder, readFamily } from '../clients/elb/families.ts'
import type { ListOpts } from '../clients/elb/lists.ts'
import type { CollectionIssue, ElbApi } from '../inventory/types.ts'

/** How to read one list in each version (a version the list does not exist in is left out). */
export interface ElbListReads<A, B> {
  v3: (c: ServiceClient, o: ListOpts) => Promise<A[]>
  'v2.0'?: (c: ServiceClient, o: ListOpts) => Promise<B[]>
  v2?: (c: ServiceClient, o: ListOpts) => Promise<B[]>
}

/** Both families' answers to one list. */
export interface ElbRead<A, B> {
  readonly v3: FamilyRead<A>
  readonly lbaas: FamilyRead<B>
}

/** Reads v3, then the LBaaS shape in the order v3's answer suggests. */
export async function readElb<A, B>(
  c: ServiceClient,
  reads: ElbListReads<A, B>,
  signal?: AbortSignal,
): Promise<ElbRead<A, B>> {
  const v3 = await readFamily([{ version: 'v3', read: () => reads.v3(c, { signal }) }])
  signal?.throwIfAborted()
  const variants = lbaasOrder(v3).flatMap((version) => {
    const read = reads[version]
    return read ? [{ version, read: () => read(c, { signal }) }] : []
  })
  const lbaas = await readFamily(variants)
  signal?.throwIfAborted()
  return { v3, lbaas }
}

/** Which API an LBaaS-shaped item came from: OTC's shared ELB where v3 answers, else Octavia. */
export function lbaasApi(r: ElbRead<unknown, unknown>): ElbApi {
  return r.v3.status === 'absent' ? 'octavia' : 'shared'
}

/** The versions that served, joined with `+` (`v2.0+v3`), or undefined. */
export function servedVersions(...reads: ElbRead<unknown, unknown>[]): string | undefined {
  const v = new Set<string>()
  for (const r of reads) for (const f of [r.v3, r.lbaas]) if (f.status === 'ok') v.add(f.version)
  return v.size > 0 ? [...v].sort().join('+') : undefined
}

/** One issue per failed family, its message prefixed with what was read. */
export function familyIssues(
  r: ElbRead<unknown, unknown>,
  what: string,
  issue: (err: unknown) => CollectionIssue,
): CollectionIssue[] {
  const out: CollectionIssue[] = []
  for (const f of [r.v3, r.lbaas]) {
    if (f.status !== 'failed') continue
    const i = issue(f.error)
    out.push({ ...i, message: `${what} (${f.version}): ${i.message}` })
  }
  return out
}

/** Throws when neither family is served: the endpoint answers no ELB API Sphere reads. */
export function requireServed(r: ElbRead<unknown, unknown>): void {
  if (r.v3.status !== 'absent' || r.lbaas.status !== 'absent') return
  const misses = [...r.v3.errors, ...r.lbaas.errors] as CloudApiError[]
  throw new ApiVersionError(misses.map((error) => ({ version: versionOf(error), error })))
}

function versionOf(e: CloudApiError): string {
  const m = /\/(v\d+(?:\.\d+)?)\//.exec(e.url)
  return m?.[1] ?? '?'
}

/** Items of both families, the v3 one kept where an id is listed twice. */
export function mergeById<T extends { id: string }>(v3: readonly T[], lbaas: readonly T[]): T[] {
  const ids = new Set(v3.map((x) => x.id))
  return [...v3, ...lbaas.filter((x) => !ids.has(x.id))]
}

/** The items of a family, or none when it did not serve. */
export function itemsOf<T>(f: FamilyRead<T>): T[] {
  return f.status === 'ok' ? f.items : []
}
