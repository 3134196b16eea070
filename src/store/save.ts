/**
 * Writing one scan result into the store, whole or not at all (one transaction). Scopes and
 * check metadata are looked up (or added) once per scan; findings go in as integer keys plus
 * what differs per finding, in bulk.
 * @module
 */
import { createHash } from 'node:crypto'
import { summarize } from '../engine/summary.ts'
import type { CheckInfo, Finding, ScanResult } from '../engine/types.ts'
import type { ScopeRef } from '../inventory/scope.ts'
import type { BulkColumn, Db, SqlValue } from './db.ts'

type WellFormed = { isWellFormed(): boolean; toWellFormed(): string }
/**
 * Text as both engines store it: a lone surrogate (not Unicode, cannot be UTF-8) and NUL
 * (PostgreSQL text cannot hold it) become U+FFFD, the same on SQLite and PostgreSQL.
 */
export function wellFormed(s: string): string {
  const w = s as unknown as WellFormed
  const t = w.isWellFormed() ? s : w.toWellFormed()
  return t.includes('\u0000') ? t.replaceAll('\u0000', '\ufffd') : t
}

/** Every text value of small rows made well-formed. */
const clean = (rows: SqlValue[][]): SqlValue[][] =>
  rows.map((r) => r.map((v) => (typeof v === 'string' ? wellFormed(v) : v)))

const col = (name: string, pgType: BulkColumn['pgType'] = 'text'): BulkColumn => ({ name, pgType })
const FINDING_COLUMNS = [
  col('scan_id', 'bigint'),
  col('scope_id', 'bigint'),
  col('check_key', 'bigint'),
  col('fingerprint'),
  col('status'),
  col('severity'),
  col('owner'),
  col('resource_type'),
  col('resource_id'),
  col('resource_name'),
  col('region'),
  col('message'),
  col('evidence'),
  col('extra'),
]

/** `cloud/kind/region/projectId`: the identity of a scope row. */
export function scopeRowKey(s: ScopeRef): string {
  return `${s.cloud}\u0000${s.kind}\u0000${s.region}\u0000${s.projectId}`
}

/** A stable digest of the set of scopes a scan covered (history groups scans by it). */
export function scopeSetDigest(scopes: readonly ScopeRef[]): string {
  const keys = scopes.map(scopeRowKey).sort()
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 32)
}

function checkDigest(c: CheckInfo): string {
  return createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 40)
}

/** Ids of the scan's scopes, adding the ones the store has not seen. */
async function scopeIds(tx: Db, scopes: readonly ScopeRef[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const s of scopes) {
    const key = [s.cloud, s.region, s.projectId, s.kind].map(wellFormed)
    await tx.run(
      'INSERT INTO scopes (cloud, region, project_id, project_name, kind) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [s.cloud, s.region, s.projectId, s.projectName, s.kind].map(wellFormed),
    )
    const [row] = await tx.all<{ id: number }>(
      'SELECT id FROM scopes WHERE cloud = ? AND region = ? AND project_id = ? AND kind = ?',
      key,
    )
    ids.set(scopeRowKey(s), Number(row!.id))
  }
  return ids
}

/** Keys of the scan's checks (by content), adding new versions. */
async function checkKeys(tx: Db, checks: readonly CheckInfo[]): Promise<Map<string, number>> {
  const keys = new Map<string, number>()
  const sorted = [...checks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const c of sorted) {
    const digest = checkDigest(c)
    await tx.run(
      'INSERT INTO checks (digest, check_id, title, duty, service, resource_type, severity, info) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [digest, c.id, c.title, c.duty, c.service, c.resourceType, c.severity, JSON.stringify(c)],
    )
    const [row] = await tx.all<{ id: number }>('SELECT id FROM checks WHERE digest = ?', [digest])
    keys.set(c.id, Number(row!.id))
  }
  return keys
}

/** What a finding has beyond the columns: mute, expired mute, cause. */
function extra(f: Finding): string | null {
  if (!f.mutedStatus && !f.mute && !f.expiredMute && !f.cause) return null
  return JSON.stringify({
    ...(f.mutedStatus ? { mutedStatus: f.mutedStatus } : {}),
    ...(f.mute ? { mute: f.mute } : {}),
    ...(f.expiredMute ? { expiredMute: f.expiredMute } : {}),
    ...(f.cause ? { cause: f.cause } : {}),
  })
}

/** The finding rows of a scan, one reused array (the engines read each row when it is yielded). */
function* findingRows(
  scanId: number,
  r: ScanResult,
  scopes: Map<string, number>,
  checks: Map<string, number>,
): Generator<SqlValue[]> {
  const row: SqlValue[] = new Array(FINDING_COLUMNS.length)
  row[0] = scanId
  let lastScope: ScopeRef | undefined
  for (const f of r.findings) {
    if (f.scope !== lastScope) {
      lastScope = f.scope
      row[1] = scopes.get(scopeRowKey(f.scope)) ?? 0
    }
    row[2] = checks.get(f.checkId) ?? 0
    row[3] = f.fingerprint
    row[4] = f.status
    row[5] = f.severity
    row[6] = f.owner
    row[7] = f.resource.type
    row[8] = wellFormed(f.resource.id)
    row[9] = wellFormed(f.resource.name)
    row[10] = wellFormed(f.resource.region)
    row[11] = wellFormed(f.message)
    row[12] = f.evidence === null ? null : JSON.stringify(f.evidence)
    row[13] = extra(f)
    yield row
  }
}

/** Everything the scan has beyond the rows: organisation duties, layers, unavailable, checks. */
function headOf(r: ScanResult): string {
  return JSON.stringify({
    tool: r.tool,
    inventory: r.inventory,
    duties: r.duties,
    layers: r.layers,
  })
}

/**
 * Stores a scan result; the whole scan or nothing.
 * @returns the new scan's id
 */
export async function saveScan(db: Db, r: ScanResult, storedAt = new Date()): Promise<number> {
  const allScopes = [
    ...r.scopes.map((s) => s.scope),
    ...r.findings.map((f) => f.scope),
    ...r.issues.map((i) => i.scope),
    ...r.notes.flatMap((n) => (n.scope ? [n.scope] : [])),
    ...r.unavailable.map((u) => u.scope),
  ]
  const uniqueScopes = [...new Map(allScopes.map((s) => [scopeRowKey(s), s])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, s]) => s)
  return db.transaction(async (tx) => {
    // In one order for every writer, so concurrent PostgreSQL writers cannot deadlock.
    const scopes = await scopeIds(tx, uniqueScopes)
    const checks = await checkKeys(tx, r.checks)
    const [row] = await tx.all<{ id: number }>(
      'INSERT INTO scans (started_at, finished_at, evaluated_at, stored_at, tool_version, model_version, scope_set, finding_count, summary, head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
      [
        r.scan.startedAt,
        r.scan.finishedAt,
        r.scan.evaluatedAt,
        storedAt.toISOString(),
        r.tool.version,
        r.modelVersion,
        scopeSetDigest(r.scopes.map((s) => s.scope)),
        r.findings.length,
        JSON.stringify(summarize(r)),
        headOf(r),
      ],
    )
    const scanId = Number(row!.id)
    const insert = (table: string, cols: readonly BulkColumn[], rows: SqlValue[][]) =>
      tx.insertMany(table, cols, clean(rows))
    const sid = (s: ScopeRef) => scopes.get(scopeRowKey(s)) ?? 0
    await insert(
      'scan_scopes',
      [
        col('scan_id', 'bigint'),
        col('scope_id', 'bigint'),
        col('auth_url'),
        col('api_versions'),
        col('issues', 'integer'),
        col('inventory'),
      ],
      r.scopes.map((s) => [
        scanId,
        sid(s.scope),
        s.authUrl,
        s.apiVersions ? JSON.stringify(s.apiVersions) : null,
        s.issues,
        JSON.stringify(s.inventory),
      ]),
    )
    const dutyCols = [
      col('scan_id', 'bigint'),
      col('scope_id', 'bigint'),
      col('duty_id'),
      col('owner'),
      col('status'),
      col('reason'),
      col('counts'),
    ]
    await insert('duty_rollups', dutyCols, [
      ...r.duties.map((d) => [
        scanId,
        0,
        d.id,
        d.owner,
        d.status,
        d.reason,
        JSON.stringify(d.counts),
      ]),
      ...r.scopes.flatMap((s) =>
        s.duties.map((d) => [
          scanId,
          sid(s.scope),
          d.id,
          d.owner,
          d.status,
          d.reason,
          JSON.stringify(d.counts),
        ]),
      ),
    ])
    await insert(
      'scan_checks',
      [col('scan_id', 'bigint'), col('check_key', 'bigint')],
      [...new Set(checks.values())].map((k) => [scanId, k]),
    )
    await insert(
      'collection_issues',
      [
        col('scan_id', 'bigint'),
        col('scope_id', 'bigint'),
        col('service'),
        col('resource_type'),
        col('region'),
        col('error_kind'),
        col('message'),
      ],
      r.issues.map((i) => [
        scanId,
        sid(i.scope),
        i.service,
        i.resourceType,
        i.region,
        i.errorKind,
        i.message,
      ]),
    )
    await insert(
      'unavailable_types',
      [
        col('scan_id', 'bigint'),
        col('scope_id', 'bigint'),
        col('resource_type'),
        col('service'),
        col('reason'),
      ],
      r.unavailable.map((u) => [scanId, sid(u.scope), u.resourceType, u.service, u.reason]),
    )
    await insert(
      'notes',
      [
        col('scan_id', 'bigint'),
        col('scope_id', 'bigint'),
        col('level'),
        col('code'),
        col('message'),
        col('source'),
      ],
      r.notes.map((n) => [
        scanId,
        n.scope ? sid(n.scope) : null,
        n.level,
        n.code,
        n.message,
        n.source ?? null,
      ]),
    )
    await insert(
      'inventory_counts',
      [
        col('scan_id', 'bigint'),
        col('scope_id', 'bigint'),
        col('resource_type'),
        col('count', 'integer'),
        col('status'),
      ],
      r.scopes.flatMap((s) => {
        const types = new Set([
          ...Object.keys(s.inventory.counts),
          ...Object.keys(s.inventory.status),
        ])
        return [...types].map((t) => [
          scanId,
          sid(s.scope),
          t,
          (s.inventory.counts as Record<string, number>)[t] ?? 0,
          (s.inventory.status as Record<string, string>)[t] ?? 'complete',
        ])
      }),
    )
    await tx.insertMany('findings', FINDING_COLUMNS, findingRows(scanId, r, scopes, checks))
    return scanId
  })
}
