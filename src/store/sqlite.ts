/**
 * The SQLite {@link Db}: better-sqlite3 on one file in WAL mode, a busy timeout so several
 * processes may write in turn, statements prepared once and reused. Bulk inserts run one prepared
 * single-row statement per row inside the caller's transaction: a multi-row `INSERT` into a table
 * with NOT NULL columns would keep a statement journal (file writes for every statement; measured
 * by bench:store at a third of a large scan's CPU), a single row needs none.
 * @module
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { BulkColumn, Db, SqlValue } from './db.ts'

/** Opens (creating when missing) a SQLite database file. */
export function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  // 16 KiB pages (only takes effect on a new file): a large scan's rows and index entries are
  // written with a third less CPU than with the default 4 KiB (bench:store).
  db.pragma('page_size = 16384')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 30000')
  // Room for a large scan's index pages: without it they spill to the WAL again and again.
  db.pragma('cache_size = -131072')
  const cache = new Map<string, Database.Statement>()
  const prepared = (sql: string) => {
    let s = cache.get(sql)
    if (!s) {
      s = db.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }
  let depth = 0
  const self: Db = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      return prepared(sql).all(...params) as T[]
    },
    async run(sql, params = []) {
      return { changes: prepared(sql).run(...params).changes }
    },
    async exec(sql) {
      db.exec(sql)
    },
    async transaction(fn) {
      if (depth > 0) return fn(self)
      db.exec('BEGIN IMMEDIATE')
      depth++
      try {
        const out = await fn(self)
        db.exec('COMMIT')
        return out
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK')
        throw err
      } finally {
        depth--
      }
    },
    async insertMany(table, columns, rows) {
      insertRows(prepared, table, columns, rows)
    },
    async close() {
      db.close()
    },
  }
  return self
}

function insertRows(
  prepared: (sql: string) => Database.Statement,
  table: string,
  columns: readonly BulkColumn[],
  rows: Iterable<readonly SqlValue[]>,
) {
  const stmt = prepared(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
  )
  for (const row of rows) stmt.run(row)
}
