/**
 * `sphere scan`'s report flags: `--format a,b`, `--output`/`-o`, `--output-dir`, `--output-name`,
 * `--quiet`, `--severity`, `--status`, `--findings` and `--sarif-location`, resolved and every
 * output path checked before anything is read.
 * @module
 */
import { mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { SEVERITIES, type Severity } from '../checks/define.ts'
import { FINDING_STATUSES, type FindingStatus } from '../engine/types.ts'
import { fsReason, outputTarget, PathError } from './_files.ts'
import {
  FORMAT_EXTENSION,
  fileScope,
  fileStamp,
  type RenderSettings,
  type ReportTarget,
  SCAN_FORMATS,
  type ScanFormat,
} from './_scan-output.ts'
import { type CliIO, type CommandArgs, UsageError } from './command.ts'

/** A comma-separated list of values out of `valid`, without repeats (undefined when not given). */
export function listOf<T extends string>(
  flag: string,
  value: unknown,
  valid: readonly T[],
): T[] | undefined {
  if (value === undefined) return undefined
  const items = String(value)
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  if (items.length === 0)
    throw new UsageError(`--${flag}: expected one or more of: ${valid.join(', ')}`)
  const bad = items.filter((x) => !valid.includes(x as T))
  if (bad.length > 0)
    throw new UsageError(
      `--${flag}: "${bad.join(', ')}" is not valid; expected one or more of: ${valid.join(', ')}`,
    )
  return [...new Set(items)] as T[]
}

/** `--findings N|all`. */
function findingsFlag(value: unknown): number | 'all' | undefined {
  if (value === undefined) return undefined
  if (value === 'all') return 'all'
  const n = Number(value)
  if (String(value).trim() === '' || !Number.isInteger(n) || n < 0)
    throw new UsageError(
      `--findings: "${String(value)}" is not valid; expected a whole number or "all"`,
    )
  return n
}

/** `--sarif-location`: a path relative to the repository root, as a URI reference. */
function sarifLocation(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const path = String(value).replace(/\\/g, '/').replace(/^\.\//, '')
  if (path.trim() === '' || path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path))
    throw new UsageError(
      `--sarif-location: "${String(value)}" is not valid; expected a file path relative to the repository root (GitHub code scanning takes relative locations), e.g. infra/main.tf`,
    )
  return encodeURI(path)
}

/** `--output-dir`: the directory, made when missing. */
function outputDir(value: unknown, cwd: string): string {
  const given = String(value ?? '')
  if (given.trim() === '') throw new PathError('--output-dir', '""', 'expected a directory')
  const dir = resolve(cwd, given)
  try {
    mkdirSync(dir, { recursive: true })
    if (!statSync(dir).isDirectory()) throw new PathError('--output-dir', dir, 'is not a directory')
  } catch (err) {
    if (err instanceof PathError) throw err
    throw new PathError('--output-dir', dir, fsReason(err))
  }
  return dir
}

/** What the reports need to know about the run to name their files. */
export interface NamingContext {
  readonly now: Date
  /** The clouds.yaml entries scanned. */
  readonly clouds: readonly string[]
  /** The saved inventory evaluated, if any. */
  readonly inventory?: string
}

/** The targets of the reports (none: stdout). */
function targets(
  values: CommandArgs['values'],
  formats: readonly ScanFormat[],
  io: CliIO,
  ctx: NamingContext,
): ReportTarget[] {
  const dir = values['output-dir']
  const name = values['output-name']
  if (values.output !== undefined && (dir !== undefined || name !== undefined))
    throw new UsageError(
      '--output names one file; use --output-dir (and --output-name) for several',
    )
  if (values.output !== undefined) {
    if (formats.length > 1)
      throw new UsageError(`--output takes one format; for ${formats.join(', ')} use --output-dir`)
    return [{ format: formats[0]!, target: outputTarget('--output', values.output, io.cwd) }]
  }
  if (dir === undefined && name === undefined) {
    if (formats.length > 1)
      throw new UsageError(
        `--format ${formats.join(',')}: several formats are written to files; add --output-dir DIR`,
      )
    return [{ format: formats[0]! }]
  }
  if (name !== undefined && (String(name).trim() === '' || /[/\\]|^\.\.?$/.test(String(name))))
    throw new UsageError(
      `--output-name: "${String(name)}" is not valid; expected a file name without a directory`,
    )
  const base =
    name === undefined
      ? `sphere-${fileScope(ctx.clouds, ctx.inventory)}-${fileStamp(ctx.now)}`
      : String(name)
  const at = dir === undefined ? io.cwd : outputDir(dir, io.cwd)
  return formats.map((format) => ({
    format,
    target: outputTarget(
      dir === undefined ? '--output-name' : '--output-dir',
      join(at, `${base}.${FORMAT_EXTENSION[format]}`),
      io.cwd,
    ),
  }))
}

/**
 * Resolves the report flags and checks every output path.
 * @throws {UsageError} for a bad value or combination (exit 2)
 * @throws {PathError} for a path that cannot be written (exit 2)
 */
export function reportOptions(
  values: CommandArgs['values'],
  io: CliIO,
  ctx: NamingContext,
): { reports: ReportTarget[]; render: RenderSettings } {
  const formats = listOf('format', values.format, SCAN_FORMATS) ?? ['text']
  const quiet = values.quiet === true
  const severities = listOf<Severity>('severity', values.severity, SEVERITIES)
  const statuses =
    listOf<FindingStatus>('status', values.status, FINDING_STATUSES) ??
    (quiet ? ['fail'] : undefined)
  return {
    reports: targets(values, formats, io, ctx),
    render: {
      quiet,
      filter: { ...(severities ? { severities } : {}), ...(statuses ? { statuses } : {}) },
      findings: findingsFlag(values.findings),
      sarifLocation: sarifLocation(values['sarif-location']),
    },
  }
}
