/**
 * Reads a directory of host reports: `*.json` reports (as written by `sphere host parse`) and raw
 * collector outputs (`*.txt`, `*.out`), which are parsed on the way. A bad file is an error that
 * names the file and the path inside it; it never stops the others from loading.
 * @module
 */
import { type Dirent, readdirSync, readlinkSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { HOST_REPORT_SCHEMA, HostReport } from '../model/host-report.ts'
import { InputError } from '../model/input-error.ts'
import { readInputFile } from '../model/input-file.ts'
import { zodIssues } from '../model/yaml-file.ts'
import { parseHostOutput } from './parse.ts'

/** What {@link loadHostReports} found. `files[i]` is the file `reports[i]` came from. */
export interface LoadedHostReports {
  reports: HostReport[]
  files: string[]
  errors: InputError[]
}

/** Validates a parsed JSON document as a host report. */
export function validateHostReport(data: unknown, file: string): HostReport {
  const version = (data as { schema?: unknown } | null)?.schema
  if (typeof version === 'number' && version !== HOST_REPORT_SCHEMA)
    throw new InputError(file, [
      {
        path: 'schema',
        message: `unsupported host report schema ${version} (this Sphere reads ${HOST_REPORT_SCHEMA})`,
      },
    ])
  const res = HostReport.safeParse(data)
  if (!res.success) throw new InputError(file, zodIssues(res.error))
  return res.data
}

function loadOne(file: string): HostReport {
  // At most 5 MiB (INPUT_LIMITS['host-report']), checked before parsing.
  const text = readInputFile(file, 'host-report')
  if (!file.endsWith('.json')) {
    const report = parseHostOutput(text)
    if (report.errors.some((e) => /no collector sections found/.test(e.message)))
      throw new InputError(file, [
        { path: '', message: 'not collector output (no <<<section>>> found)' },
      ])
    return report
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new InputError(file, [{ path: '', message: `invalid JSON: ${(err as Error).message}` }], {
      cause: err,
    })
  }
  return validateHostReport(data, file)
}

const REPORT_NAME = /\.(json|txt|out)$/

/**
 * Why a directory entry named like a report cannot be read as one, or undefined when it can: a
 * regular file, or a symlink to one. Symlinks are followed; a dangling one, or one to a
 * directory or other non-file, is reported, never skipped.
 */
function unusable(dir: string, entry: Dirent): string | undefined {
  if (entry.isFile()) return undefined
  if (entry.isDirectory()) return 'is a directory, not a report file'
  if (!entry.isSymbolicLink()) return 'is not a regular file'
  const path = join(dir, entry.name)
  let target = '?'
  try {
    target = readlinkSync(path)
  } catch {
    // Keep "?": the link vanished between listing and reading.
  }
  try {
    const st = statSync(path)
    if (st.isFile()) return undefined
    return st.isDirectory()
      ? `is a symlink to a directory (${target}), not to a report file`
      : `is a symlink to something that is not a regular file (${target})`
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return code === 'ENOENT'
      ? `is a dangling symlink: its target ${target} does not exist`
      : `is a symlink that cannot be followed (${code ?? String(err)})`
  }
}

function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => REPORT_NAME.test(d.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const message = code === 'ENOENT' ? 'directory not found' : `cannot read directory (${code})`
    throw new InputError(dir, [{ path: '', message }], { cause: err })
  }
}

/**
 * Loads every `*.json`, `*.txt` and `*.out` file of `dir` (not recursive), sorted by name.
 * Symlinks are followed; an entry with such a name that is not a readable file (a directory, a
 * dangling symlink, a file over 5 MiB) is listed in `errors` with the reason.
 * @throws {InputError} only when the directory itself cannot be read
 * @example
 * const { reports, errors } = loadHostReports('host-reports')
 * for (const e of errors) console.error(e.message) // "host-reports/web-1.json: patching.pending: …"
 */
export function loadHostReports(dir: string): LoadedHostReports {
  const out: LoadedHostReports = { reports: [], files: [], errors: [] }
  for (const entry of listDir(dir)) {
    const file = join(dir, entry.name)
    const why = unusable(dir, entry)
    if (why) {
      out.errors.push(new InputError(file, [{ path: '', message: why }]))
      continue
    }
    try {
      out.reports.push(loadOne(file))
      out.files.push(file)
    } catch (err) {
      if (err instanceof InputError) out.errors.push(err)
      else throw err
    }
  }
  return out
}
