/**
 * What the dashboard asks the store: the organisation's latest state (each scope as its newest
 * scan saw it), trends over scans, a page of findings with server-side filters and sorting, a
 * resource's findings with their history, a check, a scan's collection issues and notes.
 * @module
 */
import { SEVERITIES } from '../checks/define.ts'
import type { CheckInfo, DutyStatus, LayerResult } from '../engine/types.ts'
import type { ScopeRef } from '../inventory/scope.ts'
import type { Db, SqlValue } from './db.ts'
import {
  checksByKey,
  FINDING_SELECT,
  findingBuilder,
  type ScanRow,
  type StoredFinding,
  scanIssues,
  scopesById,
} from './read.ts'

/** Each scope with the newest scan that covered it. */
export async function latestPerScope(
  db: Db,
): Promise<{ scopeId: number; scope: ScopeRef; scanId: number }[]> {
  const scopes = await scopesById(db)
  const rows = await db.all<{ scope_id: number; scan_id: number }>(
    'SELECT scope_id, MAX(scan_id) AS scan_id FROM scan_scopes GROUP BY scope_id',
  )
  return rows
    .map((r) => ({
      scopeId: Number(r.scope_id),
      scope: scopes.get(Number(r.scope_id))!,
      scanId: Number(r.scan_id),
    }))
    .filter((r) => r.scope)
}

/** The organisation now: scopes × duties, fails by severity, the newest scan's layers. */
export interface Overview {
  readonly scopes: {
    scopeId: number
    scope: ScopeRef
    scanId: number
    duties: Record<string, DutyStatus>
  }[]
  readonly duties: string[]
  readonly failsBySeverity: Record<string, number>
  readonly layers: LayerResult[]
  readonly lastScan?: { id: number; startedAt: string }
}

export async function overview(db: Db): Promise<Overview> {
  const latest = await latestPerScope(db)
  const failsBySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]))
  const dutyIds = new Set<string>()
  const scopes: Overview['scopes'] = []
  for (const l of latest) {
    const rows = await db.all<{ duty_id: string; status: DutyStatus }>(
      'SELECT duty_id, status FROM duty_rollups WHERE scan_id = ? AND scope_id = ?',
      [l.scanId, l.scopeId],
    )
    for (const r of rows) dutyIds.add(r.duty_id)
    scopes.push({ ...l, duties: Object.fromEntries(rows.map((r) => [r.duty_id, r.status])) })
    const fails = await db.all<{ severity: string; n: number }>(
      "SELECT severity, COUNT(*) AS n FROM findings WHERE scan_id = ? AND scope_id = ? AND status = 'fail' GROUP BY severity",
      [l.scanId, l.scopeId],
    )
    for (const f of fails)
      failsBySeverity[f.severity] = (failsBySeverity[f.severity] ?? 0) + Number(f.n)
  }
  const [last] = await db.all<{ id: number; started_at: string; head: string }>(
    'SELECT id, started_at, head FROM scans ORDER BY id DESC LIMIT 1',
  )
  scopes.sort((a, b) =>
    a.scope.cloud + a.scope.kind + a.scope.region + a.scope.projectName <
    b.scope.cloud + b.scope.kind + b.scope.region + b.scope.projectName
      ? -1
      : 1,
  )
  return {
    scopes,
    duties: [...dutyIds].sort(),
    failsBySeverity,
    layers: last ? (JSON.parse(last.head) as { layers: LayerResult[] }).layers : [],
    ...(last ? { lastScan: { id: Number(last.id), startedAt: last.started_at } } : {}),
  }
}

/** One point per scan: duties met, fails by severity (overall, or of one scope). */
export interface TrendPoint {
  readonly scanId: number
  readonly startedAt: string
  readonly dutiesMet: number
  readonly dutiesNotMet: number
  readonly fails: Record<string, number>
}

export async function trends(
  db: Db,
  scans: readonly ScanRow[],
  scopeId?: number,
): Promise<TrendPoint[]> {
  if (scopeId === undefined)
    return scans.map((s) => ({
      scanId: s.id,
      startedAt: s.startedAt,
      dutiesMet: s.summary.duties.met,
      dutiesNotMet: s.summary.duties.not_met,
      fails: { ...s.summary.failsBySeverity },
    }))
  const duties = await db.all<{ scan_id: number; status: string; n: number }>(
    'SELECT scan_id, status, COUNT(*) AS n FROM duty_rollups WHERE scope_id = ? GROUP BY scan_id, status',
    [scopeId],
  )
  const fails = await db.all<{ scan_id: number; severity: string; n: number }>(
    "SELECT scan_id, severity, COUNT(*) AS n FROM findings WHERE scope_id = ? AND status = 'fail' GROUP BY scan_id, severity",
    [scopeId],
  )
  const covered = new Set(duties.map((d) => Number(d.scan_id)))
  return scans
    .filter((s) => covered.has(s.id))
    .map((s) => ({
      scanId: s.id,
      startedAt: s.startedAt,
      dutiesMet: Number(
        duties.find((d) => Number(d.scan_id) === s.id && d.status === 'met')?.n ?? 0,
      ),
      dutiesNotMet: Number(
        duties.find((d) => Number(d.scan_id) === s.id && d.status === 'not_met')?.n ?? 0,
      ),
      fails: Object.fromEntries(
        SEVERITIES.map((sev) => [
          sev,
          Number(fails.find((f) => Number(f.scan_id) === s.id && f.severity === sev)?.n ?? 0),
        ]),
      ),
    }))
}

/** Filters, sort and page of the findings browser. */
export interface FindingQuery {
  readonly scanId: number
  readonly status?: string
  readonly severity?: string
  readonly duty?: string
  readonly check?: string
  readonly service?: string
  readonly scopeId?: number
  /** Text in the resource's name or id, or the message. */
  readonly text?: string
  readonly sort?: 'severity' | 'check' | 'resource' | 'status'
  readonly page?: number
  readonly size?: number
}

const SEVERITY_ORDER = `CASE f.severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`
const STATUS_ORDER =
  "CASE f.status WHEN 'fail' THEN 0 WHEN 'error' THEN 1 WHEN 'manual' THEN 2 WHEN 'muted' THEN 3 WHEN 'pass' THEN 4 ELSE 5 END"
const SORTS: Record<NonNullable<FindingQuery['sort']>, string> = {
  severity: `${SEVERITY_ORDER}, ${STATUS_ORDER}, f.check_key, f.resource_name, f.fingerprint`,
  status: `${STATUS_ORDER}, ${SEVERITY_ORDER}, f.check_key, f.fingerprint`,
  check: 'f.check_key, f.resource_name, f.fingerprint',
  resource: 'f.resource_name, f.resource_id, f.check_key, f.fingerprint',
}

/** A page of findings and the total that match. */
export async function findingsPage(
  db: Db,
  q: FindingQuery,
): Promise<{ total: number; findings: StoredFinding[] }> {
  const where = ['f.scan_id = ?']
  const params: SqlValue[] = [q.scanId]
  const eq = (col: string, v: string | number | undefined) => {
    if (v === undefined || v === '') return
    where.push(`${col} = ?`)
    params.push(v)
  }
  eq('f.status', q.status)
  eq('f.severity', q.severity)
  eq('f.scope_id', q.scopeId)
  for (const [col, v] of [
    ['duty', q.duty],
    ['check_id', q.check],
    ['service', q.service],
  ] as const) {
    if (!v) continue
    where.push(`f.check_key IN (SELECT id FROM checks WHERE ${col} = ?)`)
    params.push(v)
  }
  if (q.text) {
    where.push(
      "(LOWER(f.resource_name) LIKE ? ESCAPE '\\' OR LOWER(f.resource_id) LIKE ? ESCAPE '\\' OR LOWER(f.message) LIKE ? ESCAPE '\\')",
    )
    const like = `%${q.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    params.push(like, like, like)
  }
  const size = Math.min(Math.max(q.size ?? 50, 1), 500)
  const page = Math.max(q.page ?? 1, 1)
  const cond = where.join(' AND ')
  const [count] = await db.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM findings f WHERE ${cond}`,
    params,
  )
  const rows = await db.all<Parameters<ReturnType<typeof findingBuilder>>[0]>(
    `SELECT ${FINDING_SELECT} FROM findings f WHERE ${cond} ORDER BY ${SORTS[q.sort ?? 'severity']} LIMIT ${size} OFFSET ${(page - 1) * size}`,
    params,
  )
  const build = findingBuilder(await scopesById(db), await checksByKey(db))
  return { total: Number(count!.n), findings: rows.map(build) }
}

/** A resource's findings in a scan, and each one's status in every scan that has it. */
export async function resourceFindings(
  db: Db,
  scanId: number,
  type: string,
  id: string,
): Promise<{
  findings: StoredFinding[]
  history: Map<string, { scanId: number; startedAt: string; status: string }[]>
}> {
  const build = findingBuilder(await scopesById(db), await checksByKey(db))
  const rows = await db.all<Parameters<typeof build>[0]>(
    `SELECT ${FINDING_SELECT} FROM findings f WHERE f.scan_id = ? AND f.resource_type = ? AND f.resource_id = ?`,
    [scanId, type, id],
  )
  const findings = rows.map(build)
  const history = new Map<string, { scanId: number; startedAt: string; status: string }[]>()
  for (const f of findings) {
    const h = await db.all<{ scan_id: number; started_at: string; status: string }>(
      'SELECT f.scan_id, s.started_at, f.status FROM findings f JOIN scans s ON s.id = f.scan_id WHERE f.fingerprint = ? ORDER BY s.started_at, f.scan_id',
      [f.fingerprint],
    )
    history.set(
      f.fingerprint,
      h.map((x) => ({ scanId: Number(x.scan_id), startedAt: x.started_at, status: x.status })),
    )
  }
  return { findings, history }
}

/** The newest stored version of a check. */
export async function checkInfo(db: Db, checkId: string): Promise<CheckInfo | undefined> {
  const [row] = await db.all<{ info: string }>(
    'SELECT info FROM checks WHERE check_id = ? ORDER BY id DESC LIMIT 1',
    [checkId],
  )
  return row ? (JSON.parse(row.info) as CheckInfo) : undefined
}

/** A scan's collection issues (ordered by scope and resource type) and notes. */
export async function scanIssuesAndNotes(db: Db, scanId: number) {
  const scopes = await scopesById(db)
  const issues = (await scanIssues(db, scanId)).sort(
    (a, b) =>
      scopeOrder(a.scope).localeCompare(scopeOrder(b.scope)) ||
      a.resourceType.localeCompare(b.resourceType),
  )
  const notes = await db.all<{
    scope_id: number | null
    level: string
    code: string
    message: string
    source: string | null
  }>(
    'SELECT scope_id, level, code, message, source FROM notes WHERE scan_id = ? ORDER BY level DESC, code',
    [scanId],
  )
  return {
    issues,
    notes: notes.map((n) => ({
      scope: n.scope_id === null ? undefined : scopes.get(Number(n.scope_id)),
      level: n.level,
      code: n.code,
      message: n.message,
      source: n.source ?? undefined,
    })),
  }
}

const scopeOrder = (s: ScopeRef) => `${s.cloud}\u0000${s.region}\u0000${s.projectId}`

/** Distinct values for the findings browser's selects (of one scan). */
export async function filterValues(db: Db, scanId: number) {
  const rows = await db.all<{ check_id: string; duty: string; service: string }>(
    'SELECT DISTINCT c.check_id, c.duty, c.service FROM scan_checks sc JOIN checks c ON c.id = sc.check_key WHERE sc.scan_id = ?',
    [scanId],
  )
  const uniq = (xs: string[]) => [...new Set(xs)].sort()
  return {
    checks: uniq(rows.map((r) => r.check_id)),
    duties: uniq(rows.map((r) => r.duty)),
    services: uniq(rows.map((r) => r.service)),
  }
}
