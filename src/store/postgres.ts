/**
 * The PostgreSQL {@link Db}: one `pg` client per store, `?` placeholders numbered `$1 …`, bulk
 * inserts as `INSERT … SELECT * FROM unnest($1::type[], …)` in chunks (one round trip per chunk,
 * whatever the number of columns).
 * @module
 */
import pg from 'pg'
import type { BulkColumn, Db, SqlValue } from './db.ts'

/** Rows sent per `unnest` insert. */
const ROWS_PER_CHUNK = 20_000

/** `?` → `$n` (the store's statements hold no `?` inside literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

/** Connects to a PostgreSQL database. */
export async function openPostgres(url: string): Promise<Db> {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'sphere',
    // bigint (ids, counts) as numbers: they stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format: 'text') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  await client.connect()
  let depth = 0
  const query = async (sql: string, params: readonly SqlValue[] = []) =>
    client.query(numberPlaceholders(sql), params as SqlValue[])
  const self: Db = {
    dialect: 'postgres',
    async all<T>(sql: string, params?: readonly SqlValue[]) {
      return (await query(sql, params)).rows as T[]
    },
    async run(sql, params) {
      return { changes: (await query(sql, params)).rowCount ?? 0 }
    },
    async exec(sql) {
      await client.query(sql)
    },
    async transaction(fn, lockKey) {
      if (depth > 0) return fn(self)
      await client.query('BEGIN')
      depth++
      try {
        if (lockKey !== undefined) await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey])
        const out = await fn(self)
        await client.query('COMMIT')
        return out
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        depth--
      }
    },
    async insertMany(table, columns, rows) {
      await insertRows(client, table, columns, rows)
    },
    async close() {
      await client.end()
    },
  }
  return self
}

async function insertRows(
  client: pg.Client,
  table: string,
  columns: readonly BulkColumn[],
  rows: Iterable<readonly SqlValue[]>,
) {
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(',')}) SELECT * FROM unnest(${columns
    .map((c, i) => `$${i + 1}::${c.pgType}[]`)
    .join(',')})`
  let arrays: SqlValue[][] = columns.map(() => [])
  const flush = async () => {
    if (arrays[0]!.length > 0) await client.query(sql, arrays)
    arrays = columns.map(() => [])
  }
  for (const row of rows) {
    for (let c = 0; c < columns.length; c++) arrays[c]!.push(row[c]!)
    if (arrays[0]!.length >= ROWS_PER_CHUNK) await flush()
  }
  await flush()
}
