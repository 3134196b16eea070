/**
 * The SQLite {@link Db}: better-sqlite3 on one file in WAL mode, a busy timeout so several
 * processes may write in turn, statements prepared once and reused, bulk inserts as multi-row
 * `INSERT` statements of a fixed size.
 * @module
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { BulkColumn, Db, SqlValue } from './db.ts'

/** Rows per multi-row `INSERT` (columns × rows stays far under SQLite's parameter limit). */
const ROWS_PER_INSERT = 64

/** Opens (creating when missing) a SQLite database file. */
export function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
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
  rows: readonly SqlValue[][],
) {
  const tuple = `(${columns.map(() => '?').join(',')})`
  const head = `INSERT INTO ${table} (${columns.map((c) => c.name).join(',')}) VALUES `
  const full = prepared(head + Array(ROWS_PER_INSERT).fill(tuple).join(','))
  const width = columns.length
  const params: SqlValue[] = new Array(width * ROWS_PER_INSERT)
  let i = 0
  for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
    for (let r = 0; r < ROWS_PER_INSERT; r++) {
      const row = rows[i + r]!
      for (let c = 0; c < width; c++) params[r * width + c] = row[c]!
    }
    full.run(params)
  }
  if (i < rows.length) {
    const rest = rows.slice(i)
    prepared(head + rest.map(() => tuple).join(',')).run(rest.flat())
  }
}
