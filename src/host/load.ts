/**
 * Reads a directory of host reports: `*.json` reports (as written by `sphere host parse`) and raw
 * collector outputs (`*.txt`, `*.out`), which are parsed on the way. A bad file is an error that
 * names the file and the path inside it; it never stops the others from loading.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOST_REPORT_SCHEMA, HostReport } from '../model/host-report.ts'
import { InputError } from '../model/input-error.ts'
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
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err)
    throw new InputError(file, [{ path: '', message: `cannot read file (${code})` }], {
      cause: err,
    })
  }
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

/**
 * Loads every `*.json`, `*.txt` and `*.out` file of `dir` (not recursive), sorted by name.
 * @throws {InputError} only when the directory itself cannot be read
 * @example
 * const { reports, errors } = loadHostReports('host-reports')
 * for (const e of errors) console.error(e.message) // "host-reports/web-1.json: patching.pending: …"
 */
export function loadHostReports(dir: string): LoadedHostReports {
  let names: string[]
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && /\.(json|txt|out)$/.test(d.name))
      .map((d) => d.name)
      .sort()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const message = code === 'ENOENT' ? 'directory not found' : `cannot read directory (${code})`
    throw new InputError(dir, [{ path: '', message }], { cause: err })
  }
  const out: LoadedHostReports = { reports: [], files: [], errors: [] }
  for (const name of names) {
    const file = join(dir, name)
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
