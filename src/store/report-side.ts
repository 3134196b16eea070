/**
 * One side of `sphere diff` read from a JSON report file (`sphere scan --format json`), so two
 * reports can be compared without a store. The file is checked against the report's schema;
 * a mismatch names the file and the path inside it.
 * @module
 */
import { basename } from 'node:path'
import { InputError } from '../model/input-error.ts'
import { readInputFile } from '../model/input-file.ts'
import { zodIssues } from '../model/yaml-file.ts'
import { JsonReportSchema } from '../reports/json-schema.ts'
import type { DiffSide } from './diff.ts'
import type { StoredDuty } from './read.ts'

/** Reads a JSON report as a diff side. */
export function readReportSide(file: string): DiffSide {
  const text = readInputFile(file, 'report')
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (err) {
    throw new InputError(file, [{ path: '', message: `not JSON: ${(err as Error).message}` }])
  }
  const parsed = JsonReportSchema.safeParse(doc)
  if (!parsed.success)
    throw new InputError(
      file,
      zodIssues(parsed.error)
        .slice(0, 5)
        .map((i) => ({
          ...i,
          message: `${i.message} (expected a sphere scan --format json report, schema version 2)`,
        })),
    )
  const r = parsed.data
  if (r.filter)
    throw new InputError(file, [
      {
        path: 'filter',
        message: `the report lists ${r.filter.listed} of ${r.filter.total} findings (--severity/--status); a diff needs a report written without them`,
      },
    ])
  const duties: StoredDuty[] = [
    ...r.duties.map((d) => ({
      scope: null,
      id: d.id,
      owner: d.owner,
      status: d.status,
      reason: d.reason,
    })),
    ...r.scopes.flatMap((s) =>
      s.duties.map((d) => ({
        scope: s.scope,
        id: d.id,
        owner: d.owner,
        status: d.status,
        reason: d.reason,
      })),
    ),
  ]
  return { label: basename(file), startedAt: r.scan.startedAt, findings: r.findings, duties }
}
