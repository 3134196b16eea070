/**
 * One ELB endpoint may serve two API families side by side: v3 (OTC dedicated load balancers)
 * and the LBaaS v2 shape (OTC shared load balancers at `/v2.0/lbaas`; Octavia at `/v2/lbaas`,
 * older Octavia at `/v2.0/lbaas`). OTC serves both families at once (otc-api-platform.md §10),
 * Swiss eu-ch2 only v3, plain OpenStack only the v2 shape. Each family is read on its own: a
 * family that answers "not served" ({@link isVersionAbsent}) is absent, any other failure is
 * that family's failure and never an empty list.
 * @module
 */
import { isVersionAbsent } from '../core/api-versions.ts'

/** What one family answered for one list. */
export type FamilyRead<T> =
  | { readonly status: 'ok'; readonly version: string; readonly items: T[] }
  | { readonly status: 'absent'; readonly errors: readonly unknown[] }
  | { readonly status: 'failed'; readonly version: string; readonly error: unknown }

/** One version of a family's read. */
export interface FamilyVariant<T> {
  readonly version: string
  read(): Promise<T[]>
}

/** Reads with the first version served, in order; absent when none is. */
export async function readFamily<T>(variants: readonly FamilyVariant<T>[]): Promise<FamilyRead<T>> {
  const errors: unknown[] = []
  for (const v of variants) {
    try {
      return { status: 'ok', version: v.version, items: await v.read() }
    } catch (error) {
      if (!isVersionAbsent(error)) return { status: 'failed', version: v.version, error }
      errors.push(error)
    }
  }
  return { status: 'absent', errors }
}

/**
 * The LBaaS versions to try, given what v3 answered: after a served v3 (OTC) only `/v2.0`
 * (shared load balancers); after an absent v3 (OpenStack) Octavia's `/v2`, then `/v2.0`.
 */
export function lbaasOrder(v3: FamilyRead<unknown>): readonly ('v2' | 'v2.0')[] {
  if (v3.status === 'ok') return ['v2.0']
  return v3.status === 'absent' ? ['v2', 'v2.0'] : ['v2.0', 'v2']
}
