/**
 * CSV (RFC 4180): a header row, then one row per finding; fields quoted when they hold a comma,
 * quote or line break; lines end in CRLF. Control characters other than tab and line feed (ESC,
 * BEL, NUL, a lone CR …) and bidi overrides become visible escapes (`\x1b`, `\u202e`), so
 * `cat report.csv` cannot drive the terminal. Cells that a spreadsheet would run as a formula
 * (they start with `=`, `+`, `-`, `@` or a tab) get a leading `'`.
 * @module
 */
import type { ComplianceView } from '../compliance/evaluate.ts'
import { criteriaByCheck } from '../compliance/mapping.ts'
import { checkIndex, firstLine } from '../engine/summary.ts'
import type { Finding, ScanResult } from '../engine/types.ts'
import { batched, joinChunks } from './_chunks.ts'
import { type FindingFilter, selectFindings } from './_filter.ts'
import { safeText } from './_terminal.ts'

/** Options of {@link renderCsv}. */
export interface CsvOptions {
  /** Which findings get a row (`--severity`, `--status`). */
  filter?: FindingFilter
  /**
   * Compliance views (`sphere scan --compliance`): one more column per framework, named by its id
   * (`c5-2020`), holding the criteria the row's check evidences (`OPS-06 OPS-07`).
   */
  compliance?: readonly ComplianceView[]
}

/** The columns, in order. */
export const CSV_COLUMNS = [
  'cloud',
  'scope_region',
  'project_id',
  'project_name',
  'status',
  'severity',
  'duty',
  'owner',
  'check_id',
  'check_title',
  'service',
  'resource_type',
  'resource_id',
  'resource_name',
  'region',
  'message',
  'muted_status',
  'mute_reason',
  'mute_expires',
  'expired_mute',
  'error_cause',
  'remediation',
  'fingerprint',
] as const

/**
 * Neutralises control characters (CRLF and CR line ends become LF first) and formulas, then
 * quotes per RFC 4180 where needed.
 */
export function csvCell(value: string): string {
  const text = safeText(value.replace(/\r\n?/g, '\n'), '\t\n')
  const safe = /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function row(f: Finding, checks: ReturnType<typeof checkIndex>, extra: string[] = []): string {
  const c = checks.get(f.checkId)
  const cells = [
    f.scope.cloud,
    f.scope.region,
    f.scope.projectId,
    f.scope.projectName,
    f.status,
    f.severity,
    f.duty,
    f.owner,
    f.checkId,
    c?.title ?? '',
    f.service,
    f.resource.type,
    f.resource.id,
    f.resource.name,
    f.resource.region,
    f.message,
    f.mutedStatus ?? '',
    f.mute?.reason ?? '',
    f.mute?.expires ?? '',
    f.expiredMute
      ? `expired ${f.expiredMute.expires}: ${f.expiredMute.reason} (${f.expiredMute.entry})`
      : '',
    f.cause ?? '',
    firstLine(c?.remediation.text ?? ''),
    f.fingerprint,
    ...extra,
  ]
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** Renders the findings as CSV, a few hundred rows per chunk. Pure: the same result gives the same bytes. */
export function* renderCsvChunks(r: ScanResult, opts: CsvOptions = {}): Generator<string> {
  const checks = checkIndex(r)
  const views = opts.compliance ?? []
  const byCheck = criteriaByCheck(views)
  const extra = (f: Finding) =>
    views.map((v) => (byCheck.get(f.checkId)?.[v.framework.id] ?? []).join(' '))
  yield `${[...CSV_COLUMNS, ...views.map((v) => v.framework.id)].map(csvCell).join(',')}\r\n`
  yield* batched(selectFindings(r.findings, opts.filter), (f) => row(f, checks, extra(f)))
}

/** The CSV as one string (small results; the CLI writes {@link renderCsvChunks}). */
export function renderCsv(r: ScanResult, opts: CsvOptions = {}): string {
  return joinChunks(renderCsvChunks(r, opts))
}
