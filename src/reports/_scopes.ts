/**
 * The organisation summary every human-readable report starts with: one row per scope (its
 * resources, its duties by status, its findings by status and its collection issues) and the
 * scopes × duties matrix (the status of each customer duty in each scope). Shared by the text,
 * Markdown and HTML reports.
 * @module
 */
import {
  DUTY_STATUSES,
  type DutyResult,
  type DutyStatus,
  emptyCounts,
  type ScanResult,
  type ScopeResult,
  type StatusCounts,
} from '../engine/types.ts'
import { type ScopeRef, scopeKey, scopeLabel } from '../inventory/scope.ts'

/** One scope in the summary. */
export interface ScopeRow {
  readonly scope: ScopeRef
  /** `otc-prod eu-de/eu-de_prod`, `otc-prod account OTC0001…`. */
  readonly label: string
  /** The label without what every scope shares (the cloud, when there is one cloud). */
  readonly short: string
  readonly resources: number
  readonly duties: Record<DutyStatus, number>
  readonly findings: StatusCounts
  readonly issues: number
}

/**
 * A scope's short label: without the cloud name when the scan covers one cloud (`eu-de/eu-de_prod`,
 * `account`), else `otc-prod eu-de/eu-de_prod`, `otc-prod account`. A cloud has one account.
 */
export function shortLabel(s: ScopeRef, oneCloud: boolean): string {
  const own = s.kind === 'account' ? 'account' : `${s.region}/${s.projectName || s.projectId}`
  return oneCloud ? own : `${s.cloud} ${own}`
}

/** True when every scope is of the same cloud. */
export function oneCloud(r: Pick<ScanResult, 'scopes'>): boolean {
  return new Set(r.scopes.map((s) => s.scope.cloud)).size <= 1
}

function resourceCount(s: ScopeResult): number {
  let n = 0
  for (const c of Object.values(s.inventory.counts)) n += c ?? 0
  return n
}

/** Finding counts by status per scope key, over every finding (filters never apply here). */
export function findingsByScope(r: Pick<ScanResult, 'findings'>): Map<string, StatusCounts> {
  const by = new Map<string, StatusCounts>()
  for (const f of r.findings) {
    const key = scopeKey(f.scope)
    let c = by.get(key)
    if (!c) {
      c = emptyCounts()
      by.set(key, c)
    }
    c[f.status]++
  }
  return by
}

/** The summary rows, in the result's scope order. */
export function scopeRows(r: Pick<ScanResult, 'scopes' | 'findings'>): ScopeRow[] {
  const counts = findingsByScope(r)
  const one = oneCloud(r)
  return r.scopes.map((s) => {
    const duties = Object.fromEntries(DUTY_STATUSES.map((d) => [d, 0])) as Record<
      DutyStatus,
      number
    >
    for (const d of s.duties) duties[d.status]++
    return {
      scope: s.scope,
      label: scopeLabel(s.scope),
      short: shortLabel(s.scope, one),
      resources: resourceCount(s),
      duties,
      findings: counts.get(scopeKey(s.scope)) ?? emptyCounts(),
      issues: s.issues,
    }
  })
}

/** The scopes × duties matrix: customer duties (rows) and each scope's status (null: not in scope). */
export interface DutyMatrix {
  readonly duties: readonly DutyResult[]
  readonly scopes: readonly ScopeRow[]
  /** `cells[duty][scope]`. */
  readonly cells: readonly (readonly (DutyStatus | null)[])[]
}

/** Builds the matrix of customer (and shared) duties; provider duties are inherited everywhere. */
export function dutyMatrix(r: Pick<ScanResult, 'scopes' | 'findings' | 'duties'>): DutyMatrix {
  const scopes = scopeRows(r)
  const duties = r.duties.filter((d) => d.kind === 'customer')
  const per = r.scopes.map((s) => new Map(s.duties.map((d) => [d.id, d.status])))
  return {
    duties,
    scopes,
    cells: duties.map((d) => per.map((m) => m.get(d.id) ?? null)),
  }
}

/** How many project and account scopes: `2 scopes (1 project, 1 account)`. */
export function scopeCountLabel(r: Pick<ScanResult, 'scopes'>): string {
  const projects = r.scopes.filter((s) => s.scope.kind === 'project').length
  const accounts = r.scopes.length - projects
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`
  return `${n(r.scopes.length, 'scope')} (${n(projects, 'project')}, ${n(accounts, 'account')})`
}
