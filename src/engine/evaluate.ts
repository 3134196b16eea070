/**
 * The evaluation step of a scan: checks over the inventory → findings, the mutelist over the
 * findings, findings → duties of the responsibility model → {@link ScanResult}. Pure and
 * deterministic: the clock is an input and the output is sorted.
 * @module
 */
import type { AnyCheck } from '../checks/define.ts'
import type { CheckSettings } from '../checks/settings.ts'
import type { Inventory } from '../inventory/inventory.ts'
import { ACCOUNT_TYPES, type ScopeRef } from '../inventory/scope.ts'
import { type CollectionIssue, RESOURCE_SERVICES, RESOURCE_TYPES } from '../inventory/types.ts'
import type { HostReportLookup } from '../model/host-report.ts'
import { drainSteps, runSteps } from '../model/time-slice.ts'
import {
  type Duty,
  MODEL_IDS,
  type ResponsibilityModel,
  type Service,
} from '../responsibility/schema.ts'
import { muteFindings } from './_apply-mutes.ts'
import { isHostCheckId } from './_host.ts'
import { type DoneChecks, runChecks } from './_run-checks.ts'
import { rollupDuty } from './duties.ts'
import { type Mutelist, resourceTags } from './mutelist.ts'
import { cmp, cmpKeys } from './order.ts'
import { combineScopes } from './organisation.ts'
import type {
  CheckInfo,
  DutyResult,
  Finding,
  InventorySummary,
  ScanNote,
  ScanResult,
  ScopedIssue,
  ScopedUnavailable,
  ScopeResult,
} from './types.ts'

/** Everything one scope is evaluated from. */
export interface EvaluateInput {
  readonly inventory: Inventory
  /** Where the inventory was read: its findings, issues and notes carry it. */
  readonly scope: ScopeRef
  /** Keystone URL of the scope's cloud (without user info). */
  readonly authUrl: string
  /** The API version that served each service read in several. */
  readonly apiVersions?: Readonly<Record<string, string>>
  readonly checks: readonly AnyCheck[]
  readonly model: ResponsibilityModel
  readonly settings: Readonly<CheckSettings>
  readonly mutelist?: Mutelist
  /** In-VM host reports matched to servers (`sphere scan --host-reports`); host checks read them. */
  readonly hostReports?: HostReportLookup
  /** Evaluation time: checks compare ages against it; mutes expire against it. */
  readonly now: Date
  readonly scan: {
    readonly startedAt: string
    readonly finishedAt: string
    readonly tool: { readonly name: string; readonly version: string }
  }
  /**
   * Limit the scan to these checks and/or duties (ids); default all. `excludeCheckIds` leaves
   * checks out without narrowing the duties shown.
   */
  readonly selection?: Selection
}

/** Which checks and duties a scan runs. */
export interface Selection {
  readonly checkIds?: readonly string[]
  readonly excludeCheckIds?: readonly string[]
  readonly dutyIds?: readonly string[]
}

/** A selected check or duty id that does not exist; lists the valid ids. */
export class SelectionError extends Error {
  readonly code = 'E_SELECTION'
  constructor(
    readonly what: 'check' | 'duty',
    readonly unknown: readonly string[],
    readonly valid: readonly string[],
  ) {
    super(
      `unknown ${what} ${unknown.map((u) => `"${u}"`).join(', ')}; expected one of: ${valid.join(', ')}`,
    )
    this.name = 'SelectionError'
  }
}

function ensureKnown(
  what: 'check' | 'duty',
  asked: readonly string[] | undefined,
  valid: string[],
) {
  const unknown = (asked ?? []).filter((a) => !valid.includes(a))
  if (unknown.length > 0) throw new SelectionError(what, unknown, [...valid].sort())
}

function summarise(inv: Inventory, services: Map<string, Service>): InventorySummary {
  const counts: InventorySummary['counts'] = {}
  const status: InventorySummary['status'] = {}
  const present = new Set<string>()
  for (const t of RESOURCE_TYPES) {
    counts[t] = inv.all(t).length
    status[t] = inv.status(t)
    if (t !== 'project' && counts[t]! > 0) present.add(RESOURCE_SERVICES[t])
  }
  const list = [...present].filter((s) => services.has(s)).sort()
  const models = MODEL_IDS.filter((m) => list.some((s) => services.get(s)!.model === m))
  return { counts, status, services: list, models }
}

/** A check's findings by region, type and id of their resource (ties keep their order). */
const byResource = (a: Finding, b: Finding) =>
  cmp(a.resource.region, b.resource.region) ||
  cmp(a.resource.type, b.resource.type) ||
  cmp(a.resource.id, b.resource.id)

/**
 * Sorts findings by check id, then region, type and id of the resource, keeping the order of
 * ties (`cmpKeys` over those rows). Findings arrive check by check, so each check's are sorted
 * on their own and the checks put in order: no key string per finding, and shorter sorts.
 */
export function sortFindings(findings: Finding[]): void {
  runSteps(sortFindingsSteps(findings))
}

/** {@link sortFindings} in steps, one check's findings per step. */
function* sortFindingsSteps(findings: Finding[]): Generator<void, void> {
  const byCheck = new Map<string, Finding[]>()
  for (const f of findings) {
    const l = byCheck.get(f.checkId)
    if (l) l.push(f)
    else byCheck.set(f.checkId, [f])
  }
  yield
  let k = 0
  for (const id of [...byCheck.keys()].sort(cmp)) {
    for (const f of byCheck.get(id)!.sort(byResource)) findings[k++] = f
    yield
  }
}
const issueKey = (i: CollectionIssue) => [
  i.resourceType,
  i.region,
  i.service,
  i.errorKind,
  i.message,
]

/**
 * The checks and duties a selection covers.
 * @throws {SelectionError} for a selected check or duty id that does not exist
 */
export function selectChecks(
  allChecks: readonly AnyCheck[],
  model: ResponsibilityModel,
  selection: Selection = {},
): { checks: AnyCheck[]; duties: Duty[] } {
  const input = { checks: allChecks }
  ensureKnown(
    'check',
    selection.checkIds,
    input.checks.map((c) => c.id),
  )
  ensureKnown(
    'check',
    selection.excludeCheckIds,
    input.checks.map((c) => c.id),
  )
  ensureKnown(
    'duty',
    selection.dutyIds,
    model.duties.map((d) => d.id),
  )
  const checks = input.checks.filter(
    (c) =>
      (!selection.checkIds || selection.checkIds.includes(c.id)) &&
      !selection.excludeCheckIds?.includes(c.id) &&
      (!selection.dutyIds || selection.dutyIds.includes(c.duty)),
  )
  const duties = model.duties.filter((d) =>
    selection.dutyIds
      ? selection.dutyIds.includes(d.id)
      : !selection.checkIds || checks.some((c) => c.duty === d.id),
  )
  return { checks, duties }
}

/**
 * The part of a selection that applies to one scope: an account scope runs the checks on
 * account-wide types (IAM), a project scope the others (and account-wide ones too when its
 * inventory holds them: a version 1 inventory of one project). A check whose type was not
 * collected still runs, and says so (`error`, never silence). Duties follow their checks; a
 * project scope also keeps the duties no check covers (the provider's, and the in-VM duties
 * evidenced by host reports).
 */
export function inScope(
  sel: { checks: AnyCheck[]; duties: Duty[] },
  inv: Pick<Inventory, 'wasCollected'>,
  kind: ScopeRef['kind'],
): { checks: AnyCheck[]; duties: Duty[] } {
  const account = (c: AnyCheck) => ACCOUNT_TYPES.includes(c.resourceType)
  const checks = sel.checks.filter((c) =>
    kind === 'account' ? account(c) : !account(c) || inv.wasCollected(c.resourceType),
  )
  const duties = sel.duties.filter(
    (d) =>
      checks.some((c) => c.duty === d.id) ||
      (kind === 'project' && !sel.checks.some((c) => c.duty === d.id)),
  )
  return { checks, duties }
}

/** One scope, evaluated: what {@link combineScopes} merges into the organisation's result. */
export interface ScopeEvaluation {
  readonly scope: ScopeResult
  readonly findings: readonly Finding[]
  readonly issues: readonly ScopedIssue[]
  readonly unavailable: readonly ScopedUnavailable[]
  readonly checks: readonly CheckInfo[]
  /** This scope's duties, rolled up in full (the organisation's roll-up merges them). */
  readonly duties: readonly DutyResult[]
  /** Notes about the scope (not about the mutelist: those need every scope, see `combineScopes`). */
  readonly notes: readonly ScanNote[]
  /** Indexes of the mutelist entries that muted a finding here. */
  readonly usedMutes: ReadonlySet<number>
}

/** The checks and duties of the scope `input` evaluates. */
export function scopeChecks(
  input: Pick<EvaluateInput, 'checks' | 'model' | 'selection' | 'scope'>,
  inv: Pick<Inventory, 'wasCollected'>,
): { checks: AnyCheck[]; duties: Duty[] } {
  return inScope(selectChecks(input.checks, input.model, input.selection), inv, input.scope.kind)
}

/**
 * Evaluates the inventory of one scope: checks, host evidence, mutes, duty roll-ups.
 * @throws {SelectionError} for a selected check or duty id that does not exist
 */
export function evaluateScope(input: EvaluateInput): ScopeEvaluation {
  return runSteps(scopeSteps(input))
}

/**
 * {@link evaluateScope} that gives the event loop a turn every few milliseconds: a scope
 * evaluated while others are still being read does not hold their requests back. `done`: the
 * findings of checks that already ran on this scope's types (`staged-scope.ts`).
 */
export function evaluateScopeAsync(
  input: EvaluateInput,
  done?: DoneChecks,
): Promise<ScopeEvaluation> {
  return drainSteps(scopeSteps(input, done))
}

function* scopeSteps(input: EvaluateInput, done?: DoneChecks): Generator<void, ScopeEvaluation> {
  const { inventory: inv, model, scope } = input
  const { checks, duties } = scopeChecks(input, inv)
  const ran = yield* runChecks(input, checks, duties, done)
  const used = new Set<number>()
  let findings = ran.findings
  if (input.mutelist) {
    const tagsOf = (f: Finding) => {
      const r = f.resource.type === 'project' ? undefined : inv.byId(f.resource.type, f.resource.id)
      return r ? resourceTags(r) : new Map<string, string>()
    }
    findings = muteFindings(findings, input.mutelist, input.now, tagsOf, used)
  }
  yield
  yield* sortFindingsSteps(findings)
  const byDuty = new Map<string, Finding[]>()
  for (const f of findings) {
    const l = byDuty.get(f.duty)
    if (l) l.push(f)
    else byDuty.set(f.duty, [f])
  }
  const services = new Map(model.services.map((s) => [s.id, s]))
  const summary = summarise(inv, services)
  const present = summary.services.map((id) => services.get(id)!)
  const hasServers = inv.all('ecs.server').length > 0
  yield
  const dutyResults: DutyResult[] = []
  for (const d of duties) {
    const ids = ran.infos.filter((i) => i.duty === d.id).map((i) => i.id)
    yield
    dutyResults.push(
      rollupDuty({
        duty: d,
        findings: byDuty.get(d.id) ?? [],
        checks: ids,
        present,
        // The in-VM part is open while servers exist and no host check reads their reports.
        hostGap: hasServers && !ids.some(isHostCheckId),
      }),
    )
  }
  const issues = [...inv.issues]
    .sort((a, b) => cmpKeys(issueKey(a), issueKey(b)))
    .map((i) => ({ ...i, scope }))
  return {
    scope: {
      scope,
      authUrl: input.authUrl,
      ...(input.apiVersions ? { apiVersions: { ...input.apiVersions } } : {}),
      inventory: summary,
      duties: dutyResults.map((d) => ({
        id: d.id,
        owner: d.owner,
        status: d.status,
        reason: d.reason,
        counts: d.counts,
      })),
      issues: issues.length,
    },
    findings,
    issues,
    unavailable: inv.unavailable.map((u) => ({ ...u, scope })),
    checks: ran.infos.sort((a, b) => cmp(a.id, b.id)),
    duties: dutyResults,
    notes: ran.notes.map((n) => ({ ...n, scope })),
    usedMutes: used,
  }
}

/**
 * Evaluates one scope into a whole scan result (the organisation of one scope).
 * @throws {SelectionError} for a selected check or duty id that does not exist
 * @example
 * const result = evaluateScan({ inventory, scope, authUrl, checks, model: loadResponsibilityModel(),
 *   settings: DEFAULT_SETTINGS, now, scan: { startedAt, finishedAt, tool } })
 */
export function evaluateScan(input: EvaluateInput): ScanResult {
  return combineScopes([evaluateScope(input)], {
    model: input.model,
    checks: input.checks,
    mutelist: input.mutelist,
    now: input.now,
    scan: input.scan,
  })
}
