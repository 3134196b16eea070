/**
 * Where the history store is (`--db`, else `SPHERE_DB`, else the scan configuration's `db`,
 * else `$XDG_DATA_HOME/sphere/sphere.db`) and opening it with errors as one line (exit 2).
 * @module
 */
import { resolve } from 'node:path'
import { defaultStoreFile, Store, StoreOpenError } from '../store/store.ts'
import type { CliIO } from './command.ts'

/** The store cannot be used: exit 2, one line. */
export class StoreError extends Error {
  readonly exitCode = 2
}

/** The store's location as given (file paths made absolute against the working directory). */
export function storeSpec(flag: unknown, io: CliIO, fromConfig?: string): string {
  const given = typeof flag === 'string' && flag !== '' ? flag : io.env.SPHERE_DB || fromConfig
  if (!given) return defaultStoreFile(io.env)
  return /^postgres(ql)?:\/\//i.test(given) ? given : resolve(io.cwd, given)
}

/** Opens the store; a failure becomes a {@link StoreError}. */
export async function openStore(spec: string): Promise<Store> {
  try {
    return await Store.open(spec)
  } catch (err) {
    if (err instanceof StoreOpenError) throw new StoreError(err.message)
    throw err
  }
}

/** `--db` in a command's help. */
export const DB_HELP = `  --db <file|url>          the history store: a SQLite file or postgres://user:pass@host/db
                           (default: SPHERE_DB, else $XDG_DATA_HOME/sphere/sphere.db, else
                           ~/.local/share/sphere/sphere.db)`
