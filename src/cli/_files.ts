/**
 * Files the CLI reads and writes, checked before any API call and written so that nothing half
 * is ever left: an output goes to a temporary file in the target directory, is synced and then
 * renamed over the target; on any error the temporary file is removed and the old file stays.
 * Special files (`/dev/stdout`, a FIFO, `/dev/full`) are written directly: they cannot be renamed.
 * @module
 */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/** A file the user named that cannot be used: exit 2, one line naming the flag and the path. */
export class PathError extends Error {
  readonly exitCode = 2
  constructor(
    readonly flag: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${flag}: ${path}: ${reason}`)
    this.name = 'PathError'
  }
}

/** Why an fs call failed, in words (`ENOSPC` → "no space left on device"). */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'is a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large',
    EIO: 'input/output error',
    ENAMETOOLONG: 'file name too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  }
  if (e?.code && words[e.code]) return `${words[e.code]} (${e.code})`
  return e?.code ?? (err instanceof Error ? err.message : String(err))
}

function statOrUndefined(path: string) {
  try {
    return statSync(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}

/**
 * Resolves an input file and checks that it exists, is a file (links are followed) and can be read.
 * @throws {PathError} naming the flag and the path
 */
export function inputFile(flag: string, value: unknown, cwd: string): string {
  const given = String(value ?? '')
  if (given.trim() === '') throw new PathError(flag, '""', 'expected a file path')
  const file = resolve(cwd, given)
  try {
    const st = statSync(file)
    if (st.isDirectory()) throw new PathError(flag, file, 'is a directory, expected a file')
    accessSync(file, constants.R_OK)
  } catch (err) {
    if (err instanceof PathError) throw err
    throw new PathError(flag, file, fsReason(err))
  }
  return file
}

/**
 * Resolves an input directory and checks that it exists and is a directory.
 * @throws {PathError} naming the flag and the path
 */
export function inputDir(flag: string, value: unknown, cwd: string): string {
  const given = String(value ?? '')
  if (given.trim() === '') throw new PathError(flag, '""', 'expected a directory')
  const dir = resolve(cwd, given)
  const st = (() => {
    try {
      return statSync(dir)
    } catch (err) {
      throw new PathError(flag, dir, fsReason(err))
    }
  })()
  if (!st.isDirectory()) throw new PathError(flag, dir, 'is not a directory')
  return dir
}

/** Where an output goes, checked up front. */
export interface OutputTarget {
  readonly flag: string
  readonly path: string
  /** True for a device or FIFO: written in place, not through a temporary file. */
  readonly special: boolean
}

/**
 * Resolves an output file and checks, before any work is done, that it can be written: not empty,
 * not a directory, its directory exists and is writable, an existing file is writable.
 * @throws {PathError} naming the flag and the path
 */
export function outputTarget(flag: string, value: unknown, cwd: string): OutputTarget {
  const given = String(value ?? '')
  if (given.trim() === '') throw new PathError(flag, '""', 'expected a file path')
  const path = resolve(cwd, given)
  if (given.endsWith('/')) throw new PathError(flag, path, 'names a directory, expected a file')
  try {
    const st = statOrUndefined(path)
    if (st?.isDirectory()) throw new PathError(flag, path, 'is a directory, expected a file')
    const special = st !== undefined && !st.isFile()
    if (st) accessSync(path, constants.W_OK)
    const dir = statOrUndefined(dirname(path))
    if (!dir) throw new PathError(flag, path, `directory ${dirname(path)} does not exist`)
    if (!dir.isDirectory()) throw new PathError(flag, path, `${dirname(path)} is not a directory`)
    if (!special) probe(path)
    return { flag, path, special }
  } catch (err) {
    if (err instanceof PathError) throw err
    throw new PathError(flag, path, fsReason(err))
  }
}

/**
 * Creates and removes a file next to `path`: the only sure test that the directory takes new
 * files (permission bits say nothing to root; a read-only or virtual file system says no here).
 */
function probe(path: string): void {
  const file = tempNameFor(path)
  closeSync(openSync(file, 'wx', 0o600))
  unlinkSync(file)
}

/** Text to write: one string, or chunks (written one by one, never joined). */
export type Chunks = string | Iterable<string>

function writeAll(fd: number, data: Chunks, signal?: AbortSignal): void {
  for (const chunk of typeof data === 'string' ? [data] : data) {
    signal?.throwIfAborted()
    const buf = Buffer.from(chunk, 'utf8')
    let off = 0
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off)
  }
}

function tempNameFor(path: string): string {
  const rand = Math.random().toString(36).slice(2, 10)
  return join(dirname(path), `.${basename(path)}.${process.pid}.${rand}.tmp`)
}

/**
 * Writes `data` to the target atomically: a temporary file next to it, fsync, rename. On any
 * error (or an abort) the temporary file is removed and an existing file is left untouched.
 * @throws {PathError} with the reason (no space left, permission denied, …)
 * @example
 * writeOutput(outputTarget('--output', 'report.json', cwd), renderJson(result))
 */
export function writeOutput(target: OutputTarget, data: Chunks, signal?: AbortSignal): void {
  if (target.special) {
    let fd: number | undefined
    try {
      fd = openSync(target.path, 'w')
      writeAll(fd, data, signal)
    } catch (err) {
      if (signal?.aborted) throw signal.reason
      throw new PathError(target.flag, target.path, `cannot write: ${fsReason(err)}`)
    } finally {
      if (fd !== undefined) closeSync(fd)
    }
    return
  }
  const tmp = tempNameFor(target.path)
  let fd: number | undefined
  try {
    fd = openSync(tmp, 'wx', 0o644)
    writeAll(fd, data, signal)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    signal?.throwIfAborted()
    renameSync(tmp, target.path)
  } catch (err) {
    if (fd !== undefined) closeSync(fd)
    try {
      unlinkSync(tmp)
    } catch {
      // Already gone (renamed, or never created).
    }
    if (signal?.aborted) throw signal.reason
    throw new PathError(target.flag, target.path, `cannot write: ${fsReason(err)}`)
  }
}

/** An output being written piece by piece: nothing shows at the target until {@link commit}. */
export interface AtomicWriter {
  write(chunk: string): void
  /** Syncs and renames the temporary file over the target. */
  commit(): void
  /** Removes the temporary file; the target stays as it was. */
  abort(): void
}

/**
 * Opens a temporary file next to the target for writing as data arrives (a saved inventory,
 * scope by scope). Special targets are written in place.
 * @throws {PathError} when the temporary file cannot be created or written
 */
export function openAtomic(target: OutputTarget): AtomicWriter {
  const tmp = target.special ? target.path : tempNameFor(target.path)
  const fail = (err: unknown): never => {
    throw new PathError(target.flag, target.path, `cannot write: ${fsReason(err)}`)
  }
  let fd: number | undefined
  try {
    fd = openSync(tmp, target.special ? 'w' : 'wx', 0o644)
  } catch (err) {
    fail(err)
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd)
    fd = undefined
  }
  const abort = () => {
    close()
    if (!target.special)
      try {
        unlinkSync(tmp)
      } catch {
        // Already gone.
      }
  }
  return {
    write(chunk) {
      if (fd === undefined) return
      try {
        writeAll(fd, chunk)
      } catch (err) {
        abort()
        fail(err)
      }
    },
    commit() {
      try {
        if (fd !== undefined && !target.special) fsyncSync(fd)
        close()
        if (!target.special) renameSync(tmp, target.path)
      } catch (err) {
        abort()
        fail(err)
      }
    },
    abort,
  }
}
