/**
 * `sphere scan`'s options from its three sources, with one precedence: a flag wins over the
 * environment (`OS_REGION_NAME`), which wins over the scan configuration file (`--config`), which
 * wins over clouds.yaml and the defaults. Every path is checked here, before any API call.
 * @module
 */
import { SEVERITIES, type Severity } from '../checks/define.ts'
import type { CheckSettings } from '../checks/settings.ts'
import { FRAMEWORK_IDS } from '../compliance/registry.ts'
import type { CloudFlags } from '../config/clouds-settings.ts'
import type { ScopeSelection } from '../engine/plan-scopes.ts'
import { loadScanConfig } from '../engine/scan-config.ts'
import { InputError } from '../model/input-error.ts'
import { inputDir, inputFile, type OutputTarget, outputTarget, PathError } from './_files.ts'
import type { RenderSettings, ReportTarget } from './_scan-output.ts'
import { listOf, reportOptions } from './_scan-report-options.ts'
import { storeSpec } from './_store.ts'
import { type CliIO, type CommandArgs, oneOf, UsageError } from './command.ts'

/** Default of `--fail-on` / `failOn`. */
export const DEFAULT_FAIL_ON: Severity = 'low'

/** Everything `sphere scan` needs to know before it reads anything. */
export interface ScanOptions {
  /** The reports to write: one to stdout, or each to its file (checked before any API call). */
  readonly reports: readonly ReportTarget[]
  /** How they are rendered (filters, `--quiet`, `--findings`, `--sarif-location`). */
  readonly render: RenderSettings
  readonly failOn: Severity
  readonly allowIncomplete: boolean
  readonly selection: {
    readonly checkIds?: readonly string[]
    readonly excludeCheckIds?: readonly string[]
    readonly dutyIds?: readonly string[]
  }
  readonly settings: Readonly<CheckSettings>
  /** Absolute path of the mutelist (flag, else the config file's `mutelist`). */
  readonly mutelist?: string
  /** Flags for the cloud configuration resolver (clouds.yaml and OS_* fill what they leave). */
  readonly cloud: CloudFlags
  /** clouds.yaml entries to scan (`--os-cloud a,b`); undefined: OS_CLOUD or the OS_* variables. */
  readonly clouds?: readonly string[]
  /** Which projects and regions. */
  readonly scopes: ScopeSelection
  /** Scopes read at the same time. */
  readonly parallel: number
  /** Stop reading the cloud after this many seconds. */
  readonly timeoutSeconds?: number
  readonly saveInventory?: OutputTarget
  /** Absolute path of a saved inventory to evaluate instead of reading the cloud. */
  readonly inventory?: string
  /** Absolute path of the host reports directory. */
  readonly hostReports?: string
  /** `--store` / `store: true`: where to save the scan (a SQLite file or a PostgreSQL URL). */
  readonly store?: string
  readonly debug: boolean
}

/** Splits `a,b, c` into ids. */
export function idList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined
  const ids = String(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return ids
}

function positive(flag: string, v: unknown, opts: { int?: boolean } = {}): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (
    String(v).trim() === '' ||
    !Number.isFinite(n) ||
    n <= 0 ||
    (opts.int && !Number.isInteger(n))
  )
    throw new UsageError(
      `--${flag}: "${String(v)}" is not valid; expected a positive ${opts.int ? 'whole ' : ''}number`,
    )
  return n
}

/** `a,b` or `all` (every region in each project's catalog). */
function regionList(v: unknown): string[] | 'all' | undefined {
  const ids = idList(v)
  if (ids === undefined) return undefined
  if (ids.length === 0) throw new UsageError('--regions: expected a region list or "all"')
  return ids.length === 1 && ids[0] === 'all' ? 'all' : ids
}

/** The first defined value. */
const first = <T>(...vs: (T | undefined)[]): T | undefined => vs.find((v) => v !== undefined)

/**
 * Resolves and checks `sphere scan`'s options.
 * @throws {UsageError} for a bad flag value or combination (exit 2)
 * @throws {PathError} for a path that cannot be used (exit 2)
 * @throws {InputError} for a malformed configuration file (exit 2)
 */
export function resolveScanOptions(
  values: CommandArgs['values'],
  io: CliIO,
  now: Date = new Date(),
): ScanOptions {
  if (values.inventory !== undefined && values['save-inventory'] !== undefined)
    throw new UsageError('--inventory and --save-inventory cannot be combined')
  const configFile =
    values.config === undefined ? undefined : inputFile('--config', values.config, io.cwd)
  const { config, settings } = loadScanConfig(configFile)
  const failOn = oneOf('fail-on', values['fail-on'], SEVERITIES) ?? config.failOn ?? DEFAULT_FAIL_ON
  if (values.region !== undefined && values.regions !== undefined)
    throw new UsageError('--region and --regions cannot be combined; use --regions a,b')
  const flagRegions = regionList(values.regions ?? values.region)
  // OS_REGION_NAME (environment) wins over the file.
  const regions: readonly string[] | 'all' | undefined =
    flagRegions ?? (io.env.OS_REGION_NAME ? [io.env.OS_REGION_NAME] : config.regions)
  // The region the configured project's session starts in: the first asked for, else clouds.yaml's.
  const region = Array.isArray(regions) ? regions[0] : undefined
  if (values['all-projects'] === true && values.projects !== undefined)
    throw new UsageError('--projects and --all-projects cannot be combined')
  const mutelist =
    values.mutelist !== undefined
      ? inputFile('--mutelist', values.mutelist, io.cwd)
      : config.mutelist !== undefined
        ? fileFromConfig(config.file, 'mutelist', config.mutelist)
        : undefined
  const clouds = first(idList(values['os-cloud']), config.clouds)
  if (values.db !== undefined && values.store !== true && config.store !== true)
    throw new UsageError('--db needs --store (or store: true in --config)')
  if (values.store === true && values['no-store'] === true)
    throw new UsageError('--store and --no-store cannot be combined')
  const inventory =
    values.inventory === undefined ? undefined : inputFile('--inventory', values.inventory, io.cwd)
  const report = reportOptions(values, io, {
    now,
    clouds: clouds ?? [io.env.OS_CLOUD || 'envvars'],
    inventory,
  })
  const compliance =
    listOf('compliance', values.compliance, FRAMEWORK_IDS) ?? frameworksFromConfig(config)
  return {
    reports: report.reports,
    render: { ...report.render, ...(compliance ? { compliance } : {}) },
    failOn,
    allowIncomplete: values['allow-incomplete'] === true || config.allowIncomplete === true,
    selection: {
      checkIds: first(idList(values.checks), config.checks?.include),
      excludeCheckIds: first(idList(values['exclude-checks']), config.checks?.exclude),
      dutyIds: first(idList(values.duty), config.duties),
    },
    settings,
    mutelist,
    clouds,
    scopes: {
      ...(values['all-projects'] === true || config.allProjects === true
        ? { allProjects: true }
        : {}),
      ...(first(idList(values.projects), config.projects)
        ? { projects: first(idList(values.projects), config.projects) }
        : {}),
      ...(regions !== undefined ? { regions } : {}),
    },
    parallel: first(positive('parallel', values.parallel, { int: true }), config.parallel) ?? 4,
    cloud: {
      region,
      concurrency: first(
        positive('concurrency', values.concurrency, { int: true }),
        config.concurrency,
      ),
      rps: first(positive('rps', values.rps), config.requestsPerSecond),
      apiTimeout: first(positive('api-timeout', values['api-timeout']), config.apiTimeoutSeconds),
      authTimeout: first(
        positive('auth-timeout', values['auth-timeout']),
        config.authTimeoutSeconds,
      ),
    },
    timeoutSeconds: first(positive('timeout', values.timeout), config.timeoutSeconds),
    saveInventory:
      values['save-inventory'] === undefined
        ? undefined
        : outputTarget('--save-inventory', values['save-inventory'], io.cwd),
    inventory,
    hostReports:
      values['host-reports'] === undefined
        ? undefined
        : inputDir('--host-reports', values['host-reports'], io.cwd),
    store:
      values.store === true || (config.store === true && values['no-store'] !== true)
        ? storeSpec(values.db, io, config.db)
        : undefined,
    debug: values.debug === true,
  }
}

/** `compliance` of the config file, every id checked against the registered frameworks. */
function frameworksFromConfig(config: {
  compliance?: string[]
  file: string | null
}): string[] | undefined {
  const bad = (config.compliance ?? [])
    .map((id, i) => ({ id, i }))
    .filter((x) => !FRAMEWORK_IDS.includes(x.id))
  if (bad.length > 0)
    throw new InputError(
      config.file ?? 'config',
      bad.map((x) => ({
        path: `compliance[${x.i}]`,
        message: `unknown framework "${x.id}"; expected one of: ${FRAMEWORK_IDS.join(', ')}`,
      })),
    )
  return config.compliance
}

/** A file named in the config file (already resolved against its directory), checked. */
function fileFromConfig(configFile: string | null, key: string, path: string): string {
  try {
    return inputFile(key, path, '/')
  } catch (err) {
    if (err instanceof PathError)
      throw new PathError(`${configFile ?? 'config'}: ${key}`, path, err.reason)
    throw err
  }
}
