/**
 * Reading an input file with a size limit per kind of input, checked before anything is parsed:
 * a 37 MB clouds.yaml or a host report the size of a disk image is refused with a message that
 * names the file, its size and the limit, instead of making a scan spin for minutes. The limits
 * are documented in `docs/input-limits.md`.
 * @module
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { InputError } from './input-error.ts'

const MiB = 1024 * 1024

/** The kinds of input files Sphere reads, each with its own size limit. */
export type InputKind =
  | 'clouds'
  | 'scan-config'
  | 'mutelist'
  | 'world'
  | 'inventory'
  | 'report'
  | 'host-report'
  | 'data'

/** Largest accepted file, in bytes, per kind of input. */
export const INPUT_LIMITS: Readonly<Record<InputKind, number>> = {
  /** `clouds.yaml` and `secure.yaml`. */
  clouds: 1 * MiB,
  /** `sphere scan --config`. */
  'scan-config': 1 * MiB,
  /** `sphere scan --mutelist`. */
  mutelist: 10 * MiB,
  /** Emulator world files (`sphere emulator --world FILE`). */
  world: 20 * MiB,
  /** Saved inventories (`sphere scan --inventory`). */
  inventory: 512 * MiB,
  /** A JSON scan report (`sphere compliance --scan`, `sphere diff A.json B.json`). */
  report: 512 * MiB,
  /** One host report or raw collector output (`sphere scan --host-reports`, `sphere host parse`). */
  'host-report': 5 * MiB,
  /** Sphere's own data files (responsibility model, OS lifecycle). */
  data: 10 * MiB,
}

/** How the kinds are named in messages. */
export const INPUT_KIND_LABEL: Readonly<Record<InputKind, string>> = {
  clouds: 'a clouds.yaml or secure.yaml',
  'scan-config': 'a scan configuration',
  mutelist: 'a mutelist',
  world: 'a world file',
  inventory: 'a saved inventory',
  report: 'a scan report',
  'host-report': 'a host report',
  data: 'a data file',
}

/** `1536` → `1.5 KiB`, `39_000_000` → `37.2 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`
}

/** The input error for a file over its kind's limit. */
export function tooLargeError(file: string, kind: InputKind, size: number | 'more'): InputError {
  const limit = INPUT_LIMITS[kind]
  const what = size === 'more' ? `more than ${formatBytes(limit)}` : formatBytes(size)
  return new InputError(file, [
    {
      path: '',
      message: `file too large: ${what}; ${INPUT_KIND_LABEL[kind]} may be at most ${formatBytes(limit)} (see docs/input-limits.md)`,
    },
  ])
}

function cannotRead(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code
  const message =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : `cannot read file (${code ?? String(err)})`
  return new InputError(file, [{ path: '', message }], { cause: err })
}

/**
 * Reads a file as UTF-8 text, refusing it when it is larger than the limit of its kind. The size
 * is checked before reading, and again while reading, so pipes and growing files are bounded too.
 * @throws {InputError} when the file is missing, unreadable or too large
 * @example
 * const text = readInputFile('clouds.yaml', 'clouds')
 */
export function readInputFile(file: string, kind: InputKind): string {
  const limit = INPUT_LIMITS[kind]
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (err) {
    throw cannotRead(file, err)
  }
  try {
    const size = fstatSync(fd).size
    if (size > limit) throw tooLargeError(file, kind, size)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size - total, 64 * 1024), limit + 1))
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      total += n
      if (total > limit) throw tooLargeError(file, kind, 'more')
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n))
    }
    return Buffer.concat(chunks, total).toString('utf8')
  } catch (err) {
    if (err instanceof InputError) throw err
    throw cannotRead(file, err)
  } finally {
    closeSync(fd)
  }
}

/**
 * Checks text that was read elsewhere (a string handed to a parser) against its kind's limit.
 * @throws {InputError} when the text is larger than the limit
 */
export function checkInputSize(text: string, file: string, kind: InputKind): void {
  // Cheap bound first: a UTF-8 byte is at least one UTF-16 unit, at most three.
  if (text.length * 3 <= INPUT_LIMITS[kind]) return
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > INPUT_LIMITS[kind]) throw tooLargeError(file, kind, bytes)
}
