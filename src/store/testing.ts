/**
 * Test helpers: the backends to run the store's contract against. SQLite always; PostgreSQL
 * when `SPHERE_TEST_PG_URL` is set or `scripts/postgres.sh` has written its URL file. With
 * `SPHERE_REQUIRE_PG=1` (CI) a missing PostgreSQL fails the tests instead of skipping them.
 * @module
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** Where `scripts/postgres.sh` writes the URL of its cluster. */
export function pgUrlFile(env: Record<string, string | undefined> = process.env): string {
  return join(env.TMPDIR || tmpdir(), 'sphere-postgres', 'url')
}

/** The test cluster's URL, or undefined. */
export function testPgUrl(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (env.SPHERE_TEST_PG_URL) return env.SPHERE_TEST_PG_URL
  const file = pgUrlFile(env)
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined
}

/** The skip reason for PostgreSQL tests, or false when they run (throws when required but absent). */
export function pgSkip(): string | false {
  if (testPgUrl()) return false
  if (process.env.SPHERE_REQUIRE_PG === '1')
    throw new Error(
      `SPHERE_REQUIRE_PG=1 but no PostgreSQL: run scripts/postgres.sh (writes ${pgUrlFile()})`,
    )
  return 'no PostgreSQL (run scripts/postgres.sh, or set SPHERE_TEST_PG_URL)'
}

let dbCounter = 0

/** A new, empty PostgreSQL database on the test cluster; its URL and a drop function. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testPgUrl()
  if (!base) throw new Error('no PostgreSQL test cluster')
  const name = `sphere_test_${process.pid}_${Date.now().toString(36)}_${++dbCounter}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(base)
  u.pathname = `/${name}`
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/** A new SQLite file in a temporary directory; its path and a remove function. */
export function freshSqliteFile(): { file: string; drop: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-store-'))
  return {
    file: join(dir, 'sphere.db'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** A fresh store location per backend that runs here. */
export const BACKENDS = ['sqlite', 'postgres'] as const

/** A fresh location of the backend's kind. */
export async function freshLocation(kind: (typeof BACKENDS)[number]) {
  if (kind === 'sqlite') {
    const s = freshSqliteFile()
    return { spec: s.file, drop: s.drop }
  }
  const p = await freshPgDatabase()
  return { spec: p.url, drop: p.drop }
}
