/**
 * Findings grouped by check: what people act on at scale (the 548 critical findings of a
 * 10,000-server organisation are two checks, not 548 rows). Groups are ordered by severity, then
 * by how many resources they hold, then by check id; resources by scope, name and id.
 * @module
 */
import { SEVERITIES } from '../checks/define.ts'
import { cmp, cmpKeys } from '../engine/order.ts'
import type { CheckInfo, Finding, ScanResult } from '../engine/types.ts'
import { scopeKey } from '../inventory/scope.ts'

/** The findings of one check. */
export interface CheckGroup {
  readonly checkId: string
  readonly check: CheckInfo | undefined
  readonly severity: Finding['severity']
  readonly duty: string
  readonly findings: readonly Finding[]
}

/** Orders the findings of one check for reading: scope, resource name, id. */
function resourceOrder(a: Finding, b: Finding): number {
  return cmpKeys(
    [scopeKey(a.scope), a.resource.name, a.resource.id, a.resource.region],
    [scopeKey(b.scope), b.resource.name, b.resource.id, b.resource.region],
  )
}

/** Groups `findings` (of `r`) by check. */
export function groupByCheck(
  findings: readonly Finding[],
  r: Pick<ScanResult, 'checks'>,
): CheckGroup[] {
  const checks = new Map(r.checks.map((c) => [c.id, c]))
  const by = new Map<string, Finding[]>()
  for (const f of findings) {
    const list = by.get(f.checkId)
    if (list) list.push(f)
    else by.set(f.checkId, [f])
  }
  const groups = [...by].map(([checkId, list]) => ({
    checkId,
    check: checks.get(checkId),
    severity: list[0]!.severity,
    duty: list[0]!.duty,
    findings: list.sort(resourceOrder),
  }))
  return groups.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      b.findings.length - a.findings.length ||
      cmp(a.checkId, b.checkId),
  )
}
