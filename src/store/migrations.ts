/**
 * The store's schema as numbered migrations, run in order on open (each once, recorded in
 * `schema_migrations`); one text for both engines with the few type words that differ filled
 * in. A database written by a newer Sphere (a version above the last here) is refused.
 * @module
 */
import type { Db, Dialect } from './db.ts'

/** One step of the schema. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { ID: 'INTEGER PRIMARY KEY AUTOINCREMENT', REF: 'INTEGER' },
  postgres: { ID: 'BIGSERIAL PRIMARY KEY', REF: 'BIGINT' },
}

/**
 * Findings keep only what differs per finding; the check's metadata (title, duty, service,
 * remediation …) lives once in `checks`, keyed by its content. Organisation-wide duty roll-ups
 * have `scope_id` 0.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'scans, scopes, findings, duties, issues, notes, inventory',
    sql: `
CREATE TABLE scans (
  id {ID},
  started_at TEXT NOT NULL, finished_at TEXT NOT NULL, evaluated_at TEXT NOT NULL,
  stored_at TEXT NOT NULL, tool_version TEXT NOT NULL, model_version TEXT NOT NULL,
  scope_set TEXT NOT NULL, finding_count {REF} NOT NULL, summary TEXT NOT NULL, head TEXT NOT NULL
);
CREATE INDEX scans_started ON scans (started_at);
CREATE TABLE scopes (
  id {ID}, cloud TEXT NOT NULL, region TEXT NOT NULL, project_id TEXT NOT NULL,
  project_name TEXT NOT NULL, kind TEXT NOT NULL, UNIQUE (cloud, region, project_id, kind)
);
CREATE TABLE scan_scopes (
  scan_id {REF} NOT NULL, scope_id {REF} NOT NULL, auth_url TEXT NOT NULL, api_versions TEXT,
  issues INTEGER NOT NULL, inventory TEXT NOT NULL, PRIMARY KEY (scan_id, scope_id)
);
CREATE TABLE duty_rollups (
  scan_id {REF} NOT NULL, scope_id {REF} NOT NULL, duty_id TEXT NOT NULL, owner TEXT NOT NULL,
  status TEXT NOT NULL, reason TEXT NOT NULL, counts TEXT NOT NULL,
  PRIMARY KEY (scan_id, scope_id, duty_id)
);
CREATE TABLE checks (
  id {ID}, digest TEXT NOT NULL UNIQUE, check_id TEXT NOT NULL, title TEXT NOT NULL,
  duty TEXT NOT NULL, service TEXT NOT NULL, resource_type TEXT NOT NULL,
  severity TEXT NOT NULL, info TEXT NOT NULL
);
CREATE TABLE scan_checks (
  scan_id {REF} NOT NULL, check_key {REF} NOT NULL, PRIMARY KEY (scan_id, check_key)
);
CREATE TABLE findings (
  scan_id {REF} NOT NULL, scope_id {REF} NOT NULL, check_key {REF} NOT NULL,
  fingerprint TEXT NOT NULL, status TEXT NOT NULL, severity TEXT NOT NULL, owner TEXT NOT NULL,
  resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, resource_name TEXT NOT NULL,
  region TEXT NOT NULL, message TEXT NOT NULL, evidence TEXT, extra TEXT
);
CREATE INDEX findings_scan ON findings (scan_id, status, severity);
CREATE INDEX findings_fingerprint ON findings (fingerprint);
CREATE TABLE collection_issues (
  scan_id {REF} NOT NULL, scope_id {REF} NOT NULL, service TEXT NOT NULL,
  resource_type TEXT NOT NULL, region TEXT NOT NULL, error_kind TEXT NOT NULL, message TEXT NOT NULL
);
CREATE INDEX collection_issues_scan ON collection_issues (scan_id);
CREATE TABLE unavailable_types (
  scan_id {REF} NOT NULL, scope_id {REF} NOT NULL, resource_type TEXT NOT NULL,
  service TEXT NOT NULL, reason TEXT NOT NULL
);
CREATE INDEX unavailable_types_scan ON unavailable_types (scan_id);
CREATE TABLE notes (
  scan_id {REF} NOT NULL, scope_id {REF}, level TEXT NOT NULL, code TEXT NOT NULL,
  message TEXT NOT NULL, source TEXT
);
CREATE INDEX notes_scan ON notes (scan_id);
CREATE TABLE inventory_counts (
  scan_id {REF} NOT NULL, scope_id {REF} NOT NULL, resource_type TEXT NOT NULL,
  count INTEGER NOT NULL, status TEXT NOT NULL, PRIMARY KEY (scan_id, scope_id, resource_type)
);
`,
  },
]

/** The newest schema version this Sphere knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

/** A migration's text for one engine. */
export function migrationSql(m: Migration, dialect: Dialect): string {
  return m.sql.replace(/\{(ID|REF)\}/g, (_, k: string) => TYPES[dialect][k]!)
}

/** The database belongs to a newer Sphere: refuse to touch it. */
export class SchemaTooNewError extends Error {
  constructor(found: number) {
    super(
      `the store has schema version ${found}; this Sphere knows up to ${SCHEMA_VERSION} (upgrade Sphere)`,
    )
    this.name = 'SchemaTooNewError'
  }
}

/** Advisory lock key that serialises migrations between PostgreSQL writers. */
const MIGRATION_LOCK = 0x5370_6801

/**
 * Brings the schema up to date; safe when several processes open the store at once.
 * @returns the versions applied now
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await db
    .exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    )
    .catch(async (err) => {
      // Two PostgreSQL sessions creating it at once: one wins, the other sees it exist.
      if (db.dialect !== 'postgres') throw err
    })
  return db.transaction(async (tx) => {
    const done = new Set(
      (await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) =>
        Number(r.version),
      ),
    )
    const newest = Math.max(0, ...done)
    const last = migrations[migrations.length - 1]?.version ?? 0
    if (newest > last) throw new SchemaTooNewError(newest)
    const applied: number[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      await tx.exec(migrationSql(m, tx.dialect))
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ])
      applied.push(m.version)
    }
    return applied
  }, MIGRATION_LOCK)
}
