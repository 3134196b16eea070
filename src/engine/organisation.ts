/**
 * The organisation's result from its scopes' evaluations: every finding, issue and note with its
 * scope, and each duty rolled up over the scopes it applies to. A duty is met for the
 * organisation only when every such scope meets it: one scope not meeting it makes it not met,
 * one scope that cannot tell makes it unknown.
 * @module
 */
import type { AnyCheck } from '../checks/define.ts'
import { compareScopes, type ScopeRef, scopeKey, scopeLabel } from '../inventory/scope.ts'
import type { CollectionStatus, ResourceType } from '../inventory/types.ts'
import { MODEL_IDS, type ModelId, type ResponsibilityModel } from '../responsibility/schema.ts'
import { mutelistNotes } from './_apply-mutes.ts'
import { layerResults, strongestOwner } from './duties.ts'
import type { ScopeEvaluation } from './evaluate.ts'
import type { Mutelist } from './mutelist.ts'
import { cmp, cmpKeys } from './order.ts'
import {
  type CheckInfo,
  type DutyOwnerPart,
  type DutyResult,
  type DutyStatus,
  emptyCounts,
  FINDING_STATUSES,
  type Finding,
  type InventorySummary,
  type ScanResult,
  type ScopedIssue,
} from './types.ts'

/** What {@link combineScopes} needs besides the evaluations. */
export interface CombineInput {
  readonly model: ResponsibilityModel
  /** Every check the scan knows (mutelist entries naming others are flagged). */
  readonly checks: readonly AnyCheck[]
  readonly mutelist?: Mutelist
  readonly now: Date
  readonly scan: {
    readonly startedAt: string
    readonly finishedAt: string
    readonly tool: { readonly name: string; readonly version: string }
  }
}

const scopeOrder = (a: { scope: ScopeRef }, b: { scope: ScopeRef }) =>
  compareScopes(a.scope, b.scope)
const issueKey = (i: ScopedIssue) => [
  scopeKey(i.scope),
  i.resourceType,
  i.region,
  i.service,
  i.errorKind,
  i.message,
]

/**
 * Which collection status a type has over several scopes: the worst where it was collected
 * (incomplete > unavailable > complete); not collected only where no scope collected it.
 */
const STATUS_WEIGHT: Record<CollectionStatus, number> = {
  'not-collected': 0,
  complete: 1,
  unavailable: 2,
  incomplete: 3,
}

/** Totals of the scopes' inventory summaries. */
export function totalInventory(parts: readonly InventorySummary[]): InventorySummary {
  const counts: InventorySummary['counts'] = {}
  const status: InventorySummary['status'] = {}
  const services = new Set<string>()
  const models = new Set<ModelId>()
  for (const p of parts) {
    for (const [t, n] of Object.entries(p.counts) as [ResourceType, number][])
      counts[t] = (counts[t] ?? 0) + n
    for (const [t, s] of Object.entries(p.status) as [ResourceType, CollectionStatus][]) {
      const have = status[t]
      // A type is complete only if it is complete (or not collected) in every scope.
      if (have === undefined || STATUS_WEIGHT[s] > STATUS_WEIGHT[have]) status[t] = s
    }
    for (const s of p.services) services.add(s)
    for (const m of p.models) models.add(m)
  }
  return {
    counts,
    status,
    services: [...services].sort(),
    models: MODEL_IDS.filter((m) => models.has(m)),
  }
}

function mergeOwners(parts: readonly (readonly DutyOwnerPart[])[]): DutyOwnerPart[] {
  const by = new Map<string, { model: ModelId; owner: DutyOwnerPart['owner']; s: Set<string> }>()
  for (const list of parts)
    for (const o of list) {
      const k = `${o.model}/${o.owner}`
      const g = by.get(k) ?? { model: o.model, owner: o.owner, s: new Set<string>() }
      for (const s of o.services) g.s.add(s)
      by.set(k, g)
    }
  return [...by.values()]
    .map((g) => ({ model: g.model, owner: g.owner, services: [...g.s].sort() }))
    .sort((a, b) => MODEL_IDS.indexOf(a.model) - MODEL_IDS.indexOf(b.model))
}

function orgStatus(statuses: readonly DutyStatus[]): DutyStatus {
  if (statuses.includes('not_met')) return 'not_met'
  if (statuses.includes('unknown')) return 'unknown'
  if (statuses.includes('met')) return 'met'
  return 'inherited'
}

/** One duty over the scopes it applies to. */
export function mergeDuty(parts: readonly { scope: ScopeRef; duty: DutyResult }[]): DutyResult {
  const first = parts[0]!.duty
  if (parts.length === 1) return first
  const status = orgStatus(parts.map((p) => p.duty.status))
  const counts = emptyCounts()
  for (const p of parts) for (const s of FINDING_STATUSES) counts[s] += p.duty.counts[s]
  const owners = mergeOwners(parts.map((p) => p.duty.owners))
  const why = parts.filter((p) => p.duty.status === status)
  const named = why
    .slice(0, 3)
    .map((p) => `${scopeLabel(p.scope)}: ${p.duty.reason}`)
    .join('; ')
  const more = why.length > 3 ? `; and ${why.length - 3} more` : ''
  const reason =
    status === 'met' || status === 'inherited'
      ? `${status === 'met' ? 'met' : 'inherited'} in all ${parts.length} scopes`
      : `${status === 'not_met' ? 'not met' : 'unknown'} in ${why.length} of ${parts.length} scopes (${named}${more})`
  return {
    ...first,
    owner: first.kind === 'provider' ? 'provider' : strongestOwner(parts.map((p) => p.duty.owner)),
    owners,
    status,
    reason,
    counts,
    checks: [...new Set(parts.flatMap((p) => p.duty.checks))].sort(),
    evidenceRequired: [...new Set(parts.flatMap((p) => p.duty.evidenceRequired))],
  }
}

/**
 * Merges the evaluations of every scope into the scan's result.
 * @example
 * const result = combineScopes([evaluateScope(a), evaluateScope(b)], { model, checks, now, scan })
 */
export function combineScopes(evals: readonly ScopeEvaluation[], o: CombineInput): ScanResult {
  const sorted = [...evals].sort((a, b) => scopeOrder(a.scope, b.scope))
  // Scope by scope in scope order, each scope's findings already sorted: no global sort. One
  // `concat` of the lists (no spread of findings: 100k+ arguments overflow the stack).
  const findings: Finding[] = ([] as Finding[]).concat(...sorted.map((e) => e.findings))
  const checks = new Map<string, CheckInfo>()
  for (const e of sorted) for (const c of e.checks) if (!checks.has(c.id)) checks.set(c.id, c)
  const duties = o.model.duties
    .map((d) =>
      sorted.flatMap((e) => {
        const duty = e.duties.find((x) => x.id === d.id)
        return duty ? [{ scope: e.scope.scope, duty }] : []
      }),
    )
    .filter((parts) => parts.length > 0)
    .map(mergeDuty)
  const inventory = totalInventory(sorted.map((e) => e.scope.inventory))
  const used = new Set<number>()
  for (const e of sorted) for (const i of e.usedMutes) used.add(i)
  const known = new Set([...o.checks.map((c) => c.id), ...checks.keys()])
  return {
    tool: { name: o.scan.tool.name, version: o.scan.tool.version },
    modelVersion: o.model.version,
    scan: {
      startedAt: o.scan.startedAt,
      finishedAt: o.scan.finishedAt,
      evaluatedAt: o.now.toISOString(),
    },
    scopes: sorted.map((e) => e.scope),
    inventory,
    issues: sorted.flatMap((e) => e.issues).sort((a, b) => cmpKeys(issueKey(a), issueKey(b))),
    unavailable: sorted.flatMap((e) => e.unavailable),
    checks: [...checks.values()].sort((a, b) => cmp(a.id, b.id)),
    duties,
    layers: layerResults(o.model, inventory.models, duties),
    findings,
    notes: [
      ...sorted.flatMap((e) => e.notes),
      ...(o.mutelist ? mutelistNotes(o.mutelist, o.now, used, known) : []),
    ],
  }
}
