/**
 * The history store: opens SQLite or PostgreSQL, brings the schema up to date, and offers what
 * the CLI and the dashboard need (save a scan, list scans, a scan's findings and duties, prune).
 * @module
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { ScanResult } from '../engine/types.ts'
import { type Db, parseLocation, redactUrl, type StoreLocation } from './db.ts'
import { migrate } from './migrations.ts'
import { openPostgres } from './postgres.ts'
import {
  listScans,
  type ScanRow,
  scanChecks,
  scanDuties,
  scanFindings,
  scanIssues,
} from './read.ts'
import { saveScan } from './save.ts'
import { openSqlite } from './sqlite.ts'

/** `$XDG_DATA_HOME/sphere/sphere.db`, else `~/.local/share/sphere/sphere.db`. */
export function defaultStoreFile(
  env: Record<string, string | undefined>,
  home = homedir(),
): string {
  const base = env.XDG_DATA_HOME?.startsWith('/')
    ? env.XDG_DATA_HOME
    : join(home, '.local', 'share')
  return join(base, 'sphere', 'sphere.db')
}

/** The store could not be opened (unreachable server, unwritable file, newer schema). */
export class StoreOpenError extends Error {
  constructor(where: string, cause: unknown) {
    super(`cannot open the store ${where}: ${(cause as Error).message ?? String(cause)}`, { cause })
    this.name = 'StoreOpenError'
  }
}

/** Tables holding per-scan rows, deleted with their scan. */
const SCAN_TABLES = [
  'findings',
  'scan_scopes',
  'duty_rollups',
  'scan_checks',
  'collection_issues',
  'unavailable_types',
  'notes',
  'inventory_counts',
]

/** An open store. */
export class Store {
  private constructor(
    readonly db: Db,
    /** Where it is, without a password. */
    readonly where: string,
  ) {}

  /** Opens the store at `location` (a file or `postgres://` URL) and migrates it. */
  static async open(location: StoreLocation | string): Promise<Store> {
    const loc = typeof location === 'string' ? parseLocation(location) : location
    const where = loc.kind === 'sqlite' ? loc.file : redactUrl(loc.url)
    let db: Db | undefined
    try {
      db = loc.kind === 'sqlite' ? openSqlite(loc.file) : await openPostgres(loc.url)
      await migrate(db)
      return new Store(db, where)
    } catch (err) {
      await db?.close().catch(() => undefined)
      throw new StoreOpenError(where, err)
    }
  }

  /** Saves a scan whole (or not at all); returns its id. */
  save(result: ScanResult): Promise<number> {
    return saveScan(this.db, result)
  }

  /** Every scan, oldest first. */
  scans(): Promise<ScanRow[]> {
    return listScans(this.db)
  }

  /** One scan, or undefined. */
  async scan(id: number): Promise<ScanRow | undefined> {
    return (await listScans(this.db, 'WHERE id = ?', [id]))[0]
  }

  findings(scanId: number) {
    return scanFindings(this.db, scanId)
  }

  /** The checks a scan ran. */
  checks(scanId: number) {
    return scanChecks(this.db, scanId)
  }

  /** A scan's collection issues. */
  issues(scanId: number) {
    return scanIssues(this.db, scanId)
  }

  duties(scanId: number) {
    return scanDuties(this.db, scanId)
  }

  /**
   * Deletes the scans that started before `cutoff`, each in its own transaction.
   * @returns how many were deleted
   */
  async prune(cutoff: Date): Promise<number> {
    const old = await this.db.all<{ id: number }>('SELECT id FROM scans WHERE started_at < ?', [
      cutoff.toISOString(),
    ])
    for (const { id } of old)
      await this.db.transaction(async (tx) => {
        for (const t of SCAN_TABLES) await tx.run(`DELETE FROM ${t} WHERE scan_id = ?`, [id])
        await tx.run('DELETE FROM scans WHERE id = ?', [id])
      })
    return old.length
  }

  close(): Promise<void> {
    return this.db.close()
  }
}
