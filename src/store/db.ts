/**
 * The one SQL surface the store is written against, with a SQLite and a PostgreSQL
 * implementation (`sqlite.ts`, `postgres.ts`). Statements use `?` placeholders; the PostgreSQL
 * side numbers them. Every method returns a promise; on SQLite they are already settled, so a
 * transaction runs without letting other work of the process in between.
 * @module
 */

/** Which database engine a {@link Db} talks to. */
export type Dialect = 'sqlite' | 'postgres'

/** A value bound to a placeholder. */
export type SqlValue = string | number | null

/** A table's column for bulk inserts, with its PostgreSQL type (for `unnest`). */
export interface BulkColumn {
  readonly name: string
  readonly pgType: 'bigint' | 'integer' | 'text'
}

/** A connection (or a transaction on one). */
export interface Db {
  readonly dialect: Dialect
  /** Rows of a query. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
  /** Runs a statement; `changes`: rows it touched. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>
  /** Runs several statements without parameters (DDL). */
  exec(sql: string): Promise<void>
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * SQLite takes the write lock first (`BEGIN IMMEDIATE`); `lockKey` makes PostgreSQL callers
   * with the same key wait for each other (an advisory lock held to the end of the transaction).
   */
  transaction<T>(fn: (tx: Db) => Promise<T>, lockKey?: number): Promise<T>
  /**
   * Inserts many rows into `table`. Each row is read when it is yielded (a generator may reuse
   * one array for every row).
   */
  insertMany(
    table: string,
    columns: readonly BulkColumn[],
    rows: Iterable<readonly SqlValue[]>,
  ): Promise<void>
  close(): Promise<void>
}

/** Where a store lives: a SQLite file or a PostgreSQL URL. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string }

/** `postgres://` and `postgresql://` URLs name PostgreSQL; anything else is a SQLite file. */
export function parseLocation(spec: string): StoreLocation {
  return /^postgres(ql)?:\/\//i.test(spec)
    ? { kind: 'postgres', url: spec }
    : { kind: 'sqlite', file: spec }
}

/** A PostgreSQL URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@')
}
