/**
 * Reading the store back: the list of scans, one scan's findings as the JSON report has them,
 * its duty roll-ups, issues and notes.
 * @module
 */
import type { ResultSummary } from '../engine/summary.ts'
import type { CheckInfo, DutyStatus, FindingStatus, ScopedIssue } from '../engine/types.ts'
import type { ScopeRef } from '../inventory/scope.ts'
import type { JsonReport } from '../reports/json-schema.ts'
import type { Db, SqlValue } from './db.ts'

/** A finding as the JSON report writes it. */
export type StoredFinding = JsonReport['findings'][number]

/** One stored scan, without its findings. */
export interface ScanRow {
  readonly id: number
  readonly startedAt: string
  readonly finishedAt: string
  readonly storedAt: string
  readonly toolVersion: string
  readonly modelVersion: string
  /** Digest of the scopes it covered: scans with the same digest are comparable. */
  readonly scopeSet: string
  readonly findings: number
  readonly summary: ResultSummary
  readonly scopes: readonly ScopeRef[]
}

/** A duty's status in one scope of a scan, or in the organisation (`scope` null). */
export interface StoredDuty {
  readonly scope: ScopeRef | null
  readonly id: string
  readonly owner: string
  readonly status: DutyStatus
  readonly reason: string
}

interface ScopeDbRow {
  id: number
  cloud: string
  region: string
  project_id: string
  project_name: string
  kind: 'project' | 'account'
}

export const scopeOf = (r: ScopeDbRow): ScopeRef => ({
  cloud: r.cloud,
  region: r.region,
  projectId: r.project_id,
  projectName: r.project_name,
  kind: r.kind,
})

/** Every scope row by id. */
export async function scopesById(db: Db): Promise<Map<number, ScopeRef>> {
  const rows = await db.all<ScopeDbRow>('SELECT * FROM scopes')
  return new Map(rows.map((r) => [Number(r.id), scopeOf(r)]))
}

interface ScanDbRow {
  id: number
  started_at: string
  finished_at: string
  stored_at: string
  tool_version: string
  model_version: string
  scope_set: string
  finding_count: number
  summary: string
}

/** Scans, oldest first (`where`: an SQL condition on `scans`). */
export async function listScans(db: Db, where = '', params: SqlValue[] = []): Promise<ScanRow[]> {
  const scans = await db.all<ScanDbRow>(
    `SELECT id, started_at, finished_at, stored_at, tool_version, model_version, scope_set, finding_count, summary FROM scans ${where} ORDER BY started_at, id`,
    params,
  )
  if (scans.length === 0) return []
  const scopes = await scopesById(db)
  const links = await db.all<{ scan_id: number; scope_id: number }>(
    `SELECT scan_id, scope_id FROM scan_scopes WHERE scan_id IN (SELECT id FROM scans ${where})`,
    params,
  )
  const byScan = new Map<number, ScopeRef[]>()
  for (const l of links) {
    const list = byScan.get(Number(l.scan_id)) ?? []
    const s = scopes.get(Number(l.scope_id))
    if (s) list.push(s)
    byScan.set(Number(l.scan_id), list)
  }
  return scans.map((s) => ({
    id: Number(s.id),
    startedAt: s.started_at,
    finishedAt: s.finished_at,
    storedAt: s.stored_at,
    toolVersion: s.tool_version,
    modelVersion: s.model_version,
    scopeSet: s.scope_set,
    findings: Number(s.finding_count),
    summary: JSON.parse(s.summary) as ResultSummary,
    scopes: byScan.get(Number(s.id)) ?? [],
  }))
}

interface FindingDbRow {
  scope_id: number
  fingerprint: string
  status: FindingStatus
  severity: StoredFinding['severity']
  owner: StoredFinding['owner']
  resource_type: string
  resource_id: string
  resource_name: string
  region: string
  message: string
  evidence: string | null
  extra: string | null
  check_key: number
}

/** The columns {@link findingBuilder} reads from `findings f`. */
export const FINDING_SELECT =
  'f.scope_id, f.fingerprint, f.status, f.severity, f.owner, f.resource_type, f.resource_id, f.resource_name, f.region, f.message, f.evidence, f.extra, f.check_key'

/** Every stored check version by key. */
export async function checksByKey(db: Db): Promise<Map<number, CheckInfo>> {
  const rows = await db.all<{ id: number; info: string }>('SELECT id, info FROM checks')
  return new Map(rows.map((r) => [Number(r.id), JSON.parse(r.info) as CheckInfo]))
}

/** Builds report findings from rows. */
export function findingBuilder(scopes: Map<number, ScopeRef>, checks: Map<number, CheckInfo>) {
  return (r: FindingDbRow): StoredFinding => {
    const c = checks.get(Number(r.check_key)) ?? unknownCheck
    const extra = r.extra ? (JSON.parse(r.extra) as Partial<StoredFinding>) : {}
    return {
      fingerprint: r.fingerprint,
      scope: { ...(scopes.get(Number(r.scope_id)) ?? unknownScope) },
      checkId: c.id,
      title: c.title,
      duty: c.duty,
      owner: r.owner,
      service: c.service,
      severity: r.severity,
      status: r.status,
      ...extra,
      resource: {
        type: r.resource_type,
        id: r.resource_id,
        name: r.resource_name,
        region: r.region,
      },
      message: r.message,
      evidence: r.evidence === null ? null : JSON.parse(r.evidence),
      remediation: { ...c.remediation },
      references: [...c.references],
    } as StoredFinding
  }
}

const unknownCheck: CheckInfo = {
  id: '',
  title: '',
  duty: '',
  service: '',
  resourceType: 'project',
  severity: 'info',
  rationale: '',
  remediation: { text: '' },
  references: [],
  requires: [],
  synthetic: false,
}

const unknownScope: ScopeRef = {
  cloud: '',
  region: '',
  projectId: '',
  projectName: '',
  kind: 'project',
}

/** Every finding of a scan. */
export async function scanFindings(db: Db, scanId: number): Promise<StoredFinding[]> {
  const build = findingBuilder(await scopesById(db), await checksByKey(db))
  const rows = await db.all<FindingDbRow>(
    `SELECT ${FINDING_SELECT} FROM findings f WHERE f.scan_id = ?`,
    [scanId],
  )
  return rows.map(build)
}

/** A scan's duty roll-ups: the organisation's and each scope's. */
export async function scanDuties(db: Db, scanId: number): Promise<StoredDuty[]> {
  const scopes = await scopesById(db)
  const rows = await db.all<{
    scope_id: number
    duty_id: string
    owner: string
    status: DutyStatus
    reason: string
  }>(
    'SELECT scope_id, duty_id, owner, status, reason FROM duty_rollups WHERE scan_id = ? ORDER BY scope_id, duty_id',
    [scanId],
  )
  return rows.map((r) => ({
    scope: Number(r.scope_id) === 0 ? null : (scopes.get(Number(r.scope_id)) ?? null),
    id: r.duty_id,
    owner: r.owner,
    status: r.status,
    reason: r.reason,
  }))
}

/** The checks a scan ran (their stored versions). */
export async function scanChecks(db: Db, scanId: number): Promise<CheckInfo[]> {
  const all = await checksByKey(db)
  const rows = await db.all<{ check_key: number }>(
    'SELECT check_key FROM scan_checks WHERE scan_id = ?',
    [scanId],
  )
  return rows.flatMap((r) => all.get(Number(r.check_key)) ?? [])
}

/** A scan's collection issues, each with its scope. */
export async function scanIssues(db: Db, scanId: number): Promise<ScopedIssue[]> {
  const scopes = await scopesById(db)
  const rows = await db.all<{
    scope_id: number
    service: string
    resource_type: string
    region: string
    error_kind: string
    message: string
  }>(
    'SELECT scope_id, service, resource_type, region, error_kind, message FROM collection_issues WHERE scan_id = ?',
    [scanId],
  )
  return rows.map((r) => ({
    scope: { ...(scopes.get(Number(r.scope_id)) ?? unknownScope) },
    service: r.service,
    resourceType: r.resource_type as ScopedIssue['resourceType'],
    region: r.region,
    errorKind: r.error_kind,
    message: r.message,
  }))
}
