/**
 * Writing a scan's reports: one format to stdout, or several formats to files (`--output`,
 * `--output-dir`, `--output-name`), each streamed chunk by chunk into a temporary file and renamed
 * over its target only when every report has been written; a failure leaves every old file as it
 * was and saves the result as JSON elsewhere (exit 2). Also the progress line on stderr.
 * @module
 */
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { ComplianceView } from '../compliance/evaluate.ts'
import type { ScopeProgress } from '../engine/run-scan.ts'
import type { ScanResult } from '../engine/types.ts'
import type { ReportChunks } from '../reports/_chunks.ts'
import type { FindingFilter } from '../reports/_filter.ts'
import { safeText } from '../reports/_terminal.ts'
import { renderCsvChunks } from '../reports/csv.ts'
import { renderHtmlChunks } from '../reports/html.ts'
import { renderJsonChunks } from '../reports/json.ts'
import { renderMarkdownChunks } from '../reports/markdown.ts'
import { renderOcsfChunks } from '../reports/ocsf.ts'
import { planSarif, renderSarifChunks, type SarifPlan } from '../reports/sarif.ts'
import { renderTextChunks } from '../reports/text.ts'
import { scanComplianceViews } from './_compliance-input.ts'
import {
  type AtomicWriter,
  type OutputTarget,
  openAtomic,
  PathError,
  writeOutput,
} from './_files.ts'
import type { CliIO } from './command.ts'

/** Output formats of `sphere scan`. */
export const SCAN_FORMATS = ['text', 'json', 'sarif', 'ocsf', 'csv', 'html', 'markdown'] as const
export type ScanFormat = (typeof SCAN_FORMATS)[number]

/** File name extension per format (`--output-dir`). */
export const FORMAT_EXTENSION: Record<ScanFormat, string> = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif',
  ocsf: 'ocsf.json',
  csv: 'csv',
  html: 'html',
  markdown: 'md',
}

/** How the reports of one run are rendered. */
export interface RenderSettings {
  /** `--severity`, `--status` (and `--quiet`). */
  readonly filter?: FindingFilter
  readonly quiet: boolean
  /** `--findings`: resources listed per check in text, failing findings in Markdown. */
  readonly findings?: number | 'all'
  /** `--sarif-location`. */
  readonly sarifLocation?: string
  /** `--compliance`: framework ids whose view every report carries. */
  readonly compliance?: readonly string[]
}

/** A report to write: its format and where (no target: stdout). */
export interface ReportTarget {
  readonly format: ScanFormat
  readonly target?: OutputTarget
}

/** Terminal facts for the text report on stdout. */
interface Terminal {
  readonly color: boolean
  readonly width?: number
}

/** The chunks of one report. */
export function reportChunks(
  result: ScanResult,
  format: ScanFormat,
  s: RenderSettings,
  tty: Terminal = { color: false },
  sarifPlan?: SarifPlan,
  compliance: readonly ComplianceView[] = [],
): ReportChunks {
  const filter = s.filter
  switch (format) {
    case 'json':
      return renderJsonChunks(result, { filter, compliance })
    case 'sarif':
      return renderSarifChunks(result, {
        filter,
        location: s.sarifLocation,
        plan: sarifPlan,
        compliance,
      })
    case 'ocsf':
      return renderOcsfChunks(result, { filter, compliance })
    case 'csv':
      return renderCsvChunks(result, { filter, compliance })
    case 'html':
      return renderHtmlChunks(result, { filter, compliance })
    case 'markdown':
      return renderMarkdownChunks(result, {
        filter,
        compliance,
        ...(typeof s.findings === 'number' ? { maxFindings: s.findings } : {}),
        ...(s.findings === 'all' ? { maxFindings: Number.MAX_SAFE_INTEGER } : {}),
      })
    default:
      return renderTextChunks(result, {
        color: tty.color,
        width: tty.width,
        findings: s.findings,
        filter,
        quiet: s.quiet,
        compliance,
      })
  }
}

/** `20260601T115800Z`: a time as it goes into file names. */
export function fileStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
}

/**
 * The `<scope>` of `sphere-<scope>-<timestamp>.<ext>`: the clouds.yaml entry scanned, or
 * `organisation` for several clouds; a saved inventory's file name for `--inventory`. Only
 * letters, digits, `.`, `_` and `-` remain.
 */
export function fileScope(clouds: readonly string[], inventory?: string): string {
  const raw = inventory
    ? basename(inventory).replace(/\.json$/i, '')
    : clouds.length === 1
      ? clouds[0]!
      : 'organisation'
  return raw.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64) || 'scan'
}

/** Rather than a write per finding: chunks gathered to about 256 KiB. */
function* gathered(chunks: ReportChunks, size = 256 * 1024): Generator<string> {
  let buf = ''
  for (const c of chunks) {
    buf += c
    if (buf.length >= size) {
      yield buf
      buf = ''
    }
  }
  if (buf) yield buf
}

/** Saves the result as JSON where it can go when a report could not be written. */
function saveFallback(result: ScanResult): string | undefined {
  const stamp = result.scan.finishedAt.replace(/[:.]/g, '-')
  const file = join(tmpdir(), `sphere-scan-${stamp}-${process.pid}.json`)
  try {
    writeOutput({ flag: 'fallback', path: file, special: false }, renderJsonChunks(result))
    return file
  } catch {
    return undefined
  }
}

/** A report could not be written: exit 2, the result saved as JSON elsewhere. */
export class ReportWriteError extends Error {
  readonly exitCode = 2
}

/** One stderr line when the SARIF results are grouped (GitHub's limits). */
function sarifNotice(plan: SarifPlan): string {
  return `sphere scan: SARIF: ${plan.findings.toLocaleString('en')} results grouped into ${plan.results.toLocaleString('en')}, one per check, scope and status (${plan.reason})\n`
}

/**
 * Writes the reports: to stdout (one report without a target), or each to its file, streamed
 * into a temporary file; the files are renamed over their targets only once every one is written.
 * @throws {ReportWriteError} when a file cannot be written (old files stay; JSON saved elsewhere)
 */
export function writeReports(
  result: ScanResult,
  reports: readonly ReportTarget[],
  s: RenderSettings,
  io: CliIO,
  tty: Terminal,
): void {
  const views = scanComplianceViews(result, s.compliance ?? [])
  const plans = new Map<ScanFormat, SarifPlan>()
  if (reports.some((x) => x.format === 'sarif')) {
    const plan = planSarif(result, {
      filter: s.filter,
      location: s.sarifLocation,
      compliance: views,
    })
    plans.set('sarif', plan)
    if (plan.grouped) io.stderr.write(sarifNotice(plan))
  }
  const toStdout = reports.find((x) => !x.target)
  if (toStdout) {
    for (const c of gathered(
      reportChunks(result, toStdout.format, s, tty, plans.get('sarif'), views),
    )) {
      io.signal?.throwIfAborted()
      io.stdout.write(c)
    }
    return
  }
  const open: AtomicWriter[] = []
  try {
    for (const { format, target } of reports) {
      const w = openAtomic(target!)
      open.push(w)
      for (const c of gathered(
        reportChunks(result, format, s, { color: false }, plans.get(format), views),
      )) {
        io.signal?.throwIfAborted()
        w.write(c)
      }
    }
    for (const w of open) w.commit()
  } catch (err) {
    for (const w of open) w.abort()
    if (!(err instanceof PathError)) throw err
    const saved = saveFallback(result)
    throw new ReportWriteError(
      `${err.message}; ${saved ? `the scan result (JSON) was saved to ${saved}` : 'the scan result could not be saved anywhere'}`,
    )
  }
  if (!s.quiet)
    for (const { format, target } of reports)
      io.stderr.write(`${format} report written to ${target!.path}\n`)
}

/** A progress reporter that rewrites one stderr line, only when stderr is a terminal. */
export function progressLine(io: CliIO): {
  update(p: ScopeProgress, retries: number): void
  done(): void
} {
  if (!io.stderr.isTTY) return { update() {}, done() {} }
  let shown = false
  return {
    update(p, retries) {
      shown = true
      io.stderr.write(
        `\r\u001b[2Kreading: ${p.scopesDone}/${p.scopesTotal} scopes, ${p.resources} resources, ${retries} retries (last: ${safeText(p.scope)})`,
      )
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K')
    },
  }
}
