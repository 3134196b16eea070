/**
 * Which checks evidence which criterion: those a criterion lists, and every check that cites it in
 * its own references (`C5:OPS-06`); and the reverse, per check, for the scan's reports.
 * @module
 */
import type { ComplianceView } from './evaluate.ts'
import type { Criterion, Framework } from './schema.ts'

/** `C5:OPS-06` */
export function referenceOf(fw: Pick<Framework, 'referencePrefix'>, criterionId: string): string {
  return `${fw.referencePrefix}:${criterionId}`
}

/**
 * The checks that evidence a criterion's customer part: those it lists, and every check of the
 * scan (or registry) that cites it in its own references. Sorted.
 */
export function evidenceChecks(
  fw: Pick<Framework, 'referencePrefix'>,
  c: Criterion,
  checks: readonly { readonly id: string; readonly references: readonly string[] }[],
): string[] {
  if (!c.customer) return []
  const ref = referenceOf(fw, c.id)
  const ids = new Set(c.customer.checks)
  for (const k of checks) if (k.references.includes(ref)) ids.add(k.id)
  return [...ids].sort()
}

/**
 * Per check: the criteria it evidences in each view, by framework id (`{ 'c5-2020': ['OPS-06'] }`).
 * Only criteria with a customer share in the view's model count.
 */
export function criteriaByCheck(
  views: readonly ComplianceView[],
): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>()
  for (const v of views)
    for (const c of v.criteria)
      for (const t of c.checks) {
        const entry = out.get(t.id) ?? {}
        entry[v.framework.id] = [...(entry[v.framework.id] ?? []), c.id]
        out.set(t.id, entry)
      }
  return out
}
