/**
 * `sphere scan`: reads a project through the cloud's APIs (or a saved inventory), evaluates every
 * customer duty and writes the report.
 * @module
 */
import { homedir } from 'node:os'
import { isAbsolute, relative } from 'node:path'
import { SEVERITIES } from '../../checks/define.ts'
import { checks } from '../../checks/index.ts'
import { CloudApiError } from '../../clients/core/errors.ts'
import { createRedactor } from '../../clients/core/redact.ts'
import { createSession } from '../../clients/core/session.ts'
import { FRAMEWORK_IDS } from '../../compliance/registry.ts'
import { type CloudConfig, configSecrets } from '../../config/cloud-config.ts'
import { resolveCloudConfig } from '../../config/clouds.ts'
import { SelectionError } from '../../engine/evaluate.ts'
import { exitCodeFor, incompleteness } from '../../engine/exit-code.ts'
import { loadMutelist } from '../../engine/mutelist.ts'
import type { CloudTarget } from '../../engine/plan-scopes.ts'
import { RegionError, ScanEvaluator } from '../../engine/run-scan.ts'
import { scanClouds } from '../../engine/scan-clouds.ts'
import type { ScanNote, ScanResult } from '../../engine/types.ts'
import { loadHostReports } from '../../host/index.ts'
import {
  INVENTORY_TAIL,
  inventoryHead,
  inventoryScope,
  readSavedInventory,
  type ScopeInventory,
} from '../../inventory/saved.ts'
import { ENV_CLOUD } from '../../inventory/scope.ts'
import { loadShippedLifecycles } from '../../lifecycle/shipped.ts'
import { createStderrLogger } from '../../log/logger.ts'
import { InputError } from '../../model/input-error.ts'
import { safeText } from '../../reports/_terminal.ts'
import { loadResponsibilityModel } from '../../responsibility/load.ts'
import type { Store } from '../../store/store.ts'
import { openAtomic, PathError } from '../_files.ts'
import { DEFAULT_FAIL_ON, resolveScanOptions, type ScanOptions } from '../_scan-options.ts'
import { FORMAT_EXTENSION, progressLine, SCAN_FORMATS, writeReports } from '../_scan-output.ts'
import { openStore, StoreError } from '../_store.ts'
import { type CliIO, defineCommand, EXIT, UsageError } from '../command.ts'
import { version } from '../main.ts'
import { useColor } from '../tty.ts'

/** An error that stops the scan before anything was read: exit 2. */
class ScanSetupError extends Error {
  readonly exitCode = 2
}

/** `sphere scan --host-reports DIR`: the reports, with paths as the user sees them. */
function readHostReports(dir: string, cwd: string) {
  const shown = (f: string) => {
    const rel = relative(cwd, f)
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : f
  }
  const loaded = loadHostReports(dir)
  return {
    reports: loaded.reports,
    files: loaded.files.map(shown),
    errors: loaded.errors.map((e) => new InputError(shown(e.file), e.issues)),
  }
}

/** One stderr line about the host reports (formats without notes, CSV and OCSF, show it too). */
function hostSummary(result: ScanResult, quiet: boolean): string {
  const n = (code: string) => result.notes.filter((x) => x.code === code).length
  const bad = result.notes.filter(
    (x) => x.code === 'host-report-invalid' || x.code === 'host-report-unmatched',
  )
  const parts = [
    `${n('host-report-matched')} matched`,
    `${n('host-report-stale')} stale`,
    `${n('host-report-unmatched')} matching no server`,
    `${n('host-report-superseded')} superseded`,
    `${n('host-report-invalid')} invalid`,
  ]
  return `${quiet ? '' : `host reports: ${parts.join(', ')}\n`}${bad.map((x) => `  warning: ${safeText(x.source ?? '')}: ${safeText(x.message)}\n`).join('')}`
}

/** Checks the selection against the registry and the model before anything is read. */
function checkSelection(o: ScanOptions, dutyIds: readonly string[]) {
  const ids = checks.map((c) => c.id)
  const flag = { checkIds: '--checks', excludeCheckIds: '--exclude-checks', dutyIds: '--duty' }
  for (const key of ['checkIds', 'excludeCheckIds', 'dutyIds'] as const) {
    const valid = key === 'dutyIds' ? dutyIds : ids
    const unknown = (o.selection[key] ?? []).filter((x) => !valid.includes(x))
    if (unknown.length > 0)
      throw new UsageError(
        `${flag[key]}: ${new SelectionError(key === 'dutyIds' ? 'duty' : 'check', unknown, [...valid].sort()).message}`,
      )
  }
}

/** The checks whose data a selection needs (undefined: no selection, read everything). */
function selectedChecks(o: ScanOptions) {
  const { checkIds, excludeCheckIds, dutyIds } = o.selection
  if (!checkIds && !dutyIds) return undefined
  return checks.filter(
    (c) =>
      (!checkIds || checkIds.includes(c.id)) &&
      !excludeCheckIds?.includes(c.id) &&
      (!dutyIds || dutyIds.includes(c.duty)),
  )
}

/** An abort signal that fires after the scan's time limit, with a reason that says so. */
function timeLimit(seconds: number | undefined): AbortSignal | undefined {
  if (seconds === undefined) return undefined
  const c = new AbortController()
  const timer = setTimeout(
    () => c.abort(new Error(`scan time limit of ${seconds} s reached (--timeout, timeoutSeconds)`)),
    seconds * 1000,
  )
  timer.unref()
  return c.signal
}

/** The clouds to scan: each named clouds.yaml entry, or the one OS_CLOUD / OS_* configure. */
function resolveClouds(o: ScanOptions, io: CliIO): CloudConfig[] {
  const names: (string | undefined)[] = o.clouds ? [...o.clouds] : [undefined]
  return names.map((osCloud) =>
    resolveCloudConfig({
      flags: { ...o.cloud, osCloud },
      env: io.env,
      cwd: io.cwd,
      home: homedir(),
    }),
  )
}

/**
 * Reads every selected scope of every cloud, handing each to `onScope` as soon as it is read.
 * @returns notes about the selection (projects it left out)
 */
async function readClouds(
  o: ScanOptions,
  io: CliIO,
  onScope: (s: ScopeInventory) => void | Promise<void>,
): Promise<ScanNote[]> {
  const configs = resolveClouds(o, io)
  for (const c of configs)
    for (const w of c.warnings ?? []) io.stderr.write(`sphere scan: warning: ${safeText(w)}\n`)
  const redact = createRedactor(configs.flatMap(configSecrets))
  const logger = o.debug
    ? createStderrLogger({ stream: io.stderr, level: 'debug', redact: (s) => redact.text(s) })
    : undefined
  const limit = timeLimit(o.timeoutSeconds)
  const requests = limit && io.signal ? AbortSignal.any([io.signal, limit]) : (limit ?? io.signal)
  // The time limit ends requests (what was not read becomes collection issues); Ctrl-C ends the run.
  const clouds: CloudTarget[] = configs.map((config) => ({
    name: config.source.cloud ?? ENV_CLOUD,
    session: createSession(config, { logger, signal: requests }),
  }))
  const progress = o.render.quiet ? { update() {}, done() {} } : progressLine(io)
  const retries = () =>
    clouds.reduce(
      (n, c) => n + Object.values(c.session.stats()).reduce((m, s) => m + s.retries, 0),
      0,
    )
  try {
    return await scanClouds(
      clouds,
      {
        checks: selectedChecks(o),
        selection: o.scopes,
        parallel: o.parallel,
        signal: io.signal,
        onProgress: (p) => progress.update(p, retries()),
      },
      onScope,
    )
  } catch (err) {
    if (err instanceof CloudApiError && !io.signal?.aborted)
      throw new ScanSetupError(`cannot scan ${configs[0]!.authUrl}: ${err.message}`)
    if (err instanceof RegionError) throw new ScanSetupError(err.message)
    throw err
  } finally {
    progress.done()
  }
}

/** One stderr line saying why the scan is incomplete (exit 3), and how to accept that. */
function incompleteLine(result: ScanResult): string {
  const inc = incompleteness(result)
  const parts = [
    inc.issues > 0 && `${inc.issues} collection issue${inc.issues === 1 ? '' : 's'}`,
    inc.unknownDuties.length > 0 &&
      `duties unknown: ${inc.unknownDuties.map((d) => `${d.id} (${d.reason})`).join('; ')}`,
  ].filter(Boolean)
  return `scan incomplete: ${parts.join('; ')}; exit 3 (--allow-incomplete accepts this)`
}

export default defineCommand({
  name: 'scan',
  summary: 'Scan projects, regions and clouds: every customer duty, resource by resource',
  usage:
    'sphere scan [--os-cloud NAME[,NAME]] [--all-projects | --projects P] [--regions R|all] [--format FMT[,FMT]] [-o FILE | --output-dir DIR] [options]',
  help: `Reads projects through the cloud's APIs with OpenStack's configuration (clouds.yaml and
secure.yaml in ./, ~/.config/openstack/, /etc/openstack/ or OS_CLIENT_CONFIG_FILE; or OS_* variables;
AK/SK as ak/sk or OS_ACCESS_KEY/OS_SECRET_KEY) and reports each duty as met, not met, unknown or
inherited. A scope is one project in one region of one cloud; account-wide resources (IAM) form
each cloud's account scope. A duty is met for the organisation only when every scope meets it.

Options:
  --os-cloud <names>       clouds.yaml entries, comma-separated: several clouds in one report
                           (default: OS_CLOUD, or the OS_* variables)
  --projects <names|ids>   projects to scan (default: the configured project)
  --all-projects           every project the credentials can reach (Keystone /v3/auth/projects,
                           and the domain's projects where the user may list them)
  --regions <a,b|all>      regions to scan; all: every region in each project's catalog
                           (default: OS_REGION_NAME, then regions in --config, then region_name)
  --region <name>          one region (the same as --regions <name>)
  --parallel <n>           scopes read at the same time (default 4; per-endpoint limits still hold)
  --format <fmts>          ${SCAN_FORMATS.join(', ')}, comma-separated (default text); several
                           formats need --output-dir
  -o, --output <file>      write the report to a file instead of stdout (written whole or not at all)
  --output-dir <dir>       write each format to DIR/sphere-<scope>-<time>.<ext> (made if missing):
                           <scope> is the clouds.yaml entry (organisation for several clouds, the
                           file's name for --inventory), <time> the start (20260601T115800Z UTC);
                           ${Object.values(FORMAT_EXTENSION)
                             .map((e) => `.${e}`)
                             .join(' ')}
  --output-name <name>     name the files NAME.<ext> instead (in --output-dir, else here)
  --severity <list>        list only findings of these severities (${SEVERITIES.join(', ')}) in
                           every format; duty statuses, summaries and the exit code use all
  --status <list>          list only findings of these statuses (fail, error, manual, muted, pass,
                           not_applicable); SARIF lists fail and error unless this says
  --quiet                  only the failing findings (as --status fail) and the summary; no
                           progress or "written" lines on stderr
  --findings <n|all>       text: resources listed per check (default 10); markdown: failing
                           findings listed (default 50); all: every one
  --compliance <ids>       add compliance views (${FRAMEWORK_IDS.join(', ')}; comma-separated) to every
                           report: a section in text, Markdown and HTML, \`compliance\` in JSON,
                           a column per framework in CSV, unmapped.compliance in OCSF, SARIF rule
                           properties; the view applies the most demanding service model found
                           (see sphere compliance, sphere frameworks)
  --sarif-location <file>  the file every SARIF result points at (relative to the repository
                           root, e.g. the Terraform file or clouds.yaml of the project); default a
                           stable URI per scope: sphere/<cloud>/<region>/<project>
  --fail-on <severity>     exit 1 on a failing finding at or above: ${SEVERITIES.join(', ')} (default ${DEFAULT_FAIL_ON})
  --allow-incomplete       exit 0 rather than 3 when the scan is incomplete
  --mutelist <file>        YAML list of accepted findings (check, resource, reason, expires)
  --config <file>          scan configuration: thresholds (e.g. rpoHours, accessKeyMaxAgeDays) and
                           defaults for the options here; see docs/scan-config.md
  --checks <ids>           only these checks (comma-separated; see sphere checks)
  --exclude-checks <ids>   leave these checks out
  --duty <ids>             only the checks of these duties
  --save-inventory <file>  also write the collected inventory (JSON) for offline evaluation
  --inventory <file>       evaluate a saved inventory instead of reading the cloud
  --host-reports <dir>     in-VM evidence: host reports (*.json from sphere host parse) and raw
                           collector outputs (*.txt, *.out), matched to servers by instance id,
                           else hostname + private IP; see sphere host --help
  --concurrency <n>        requests in flight per endpoint (default 4, or concurrency in clouds.yaml)
  --rps <n>                requests per second per endpoint (default: no limit)
  --api-timeout <seconds>  timeout of one HTTP request (default 30, or api_timeout in clouds.yaml)
  --auth-timeout <seconds> time authentication may take, retries included (default 30)
  --timeout <seconds>      stop reading the cloud after this long; what was not read becomes
                           collection issues
  --store                  also save the scan in the history store (sphere history, sphere diff,
                           sphere serve); store: true in --config does the same (--no-store: not)
  --db <file|url>          the store: a SQLite file or postgres://user:pass@host/db (default:
                           SPHERE_DB, else db in --config, else $XDG_DATA_HOME/sphere/sphere.db)
  --debug                  log every request (method, path, status, time) to stderr, redacted;
                           stack traces for internal errors
  -h, --help               show this help

Precedence: a flag wins over the environment, the environment over --config, --config over
clouds.yaml and the defaults.

Exit codes: 0 everything selected was read and judged, nothing failed at or above --fail-on;
1 a failing finding at or above --fail-on; 2 usage, input, configuration or authentication error,
or a report that could not be written (nothing scanned, or the result saved as JSON elsewhere);
3 the scan is incomplete (collection issues, or a selected customer duty is unknown, e.g. servers
without host reports) and nothing failed at or above the threshold; 4 internal error (a bug);
130/143 stopped by Ctrl-C/SIGTERM (nothing written).

Host reports older than hostReportMaxAgeDays (--config, default 7) make their server's host checks
\`error\`; a file that cannot be used, or a report that matches no server, is listed in the
report's notes and on stderr, never dropped. Servers without a report get \`manual\` with the
command that collects one.`,
  options: {
    'os-cloud': { type: 'string' },
    projects: { type: 'string' },
    'all-projects': { type: 'boolean' },
    regions: { type: 'string' },
    region: { type: 'string' },
    parallel: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'output-dir': { type: 'string' },
    'output-name': { type: 'string' },
    quiet: { type: 'boolean' },
    severity: { type: 'string' },
    status: { type: 'string' },
    findings: { type: 'string' },
    'sarif-location': { type: 'string' },
    compliance: { type: 'string' },
    'fail-on': { type: 'string' },
    'allow-incomplete': { type: 'boolean' },
    mutelist: { type: 'string' },
    config: { type: 'string' },
    checks: { type: 'string' },
    'exclude-checks': { type: 'string' },
    duty: { type: 'string' },
    'save-inventory': { type: 'string' },
    inventory: { type: 'string' },
    'host-reports': { type: 'string' },
    concurrency: { type: 'string' },
    rps: { type: 'string' },
    'api-timeout': { type: 'string' },
    'auth-timeout': { type: 'string' },
    timeout: { type: 'string' },
    store: { type: 'boolean' },
    'no-store': { type: 'boolean' },
    db: { type: 'string' },
    debug: { type: 'boolean' },
  },
  async run({ values }, io) {
    const o = resolveScanOptions(values, io)
    const mutelist = o.mutelist === undefined ? undefined : loadMutelist(o.mutelist)
    const model = loadResponsibilityModel()
    // Before the cloud is read, not inside the first evaluation (lifecycle/shipped.ts).
    loadShippedLifecycles()
    checkSelection(
      o,
      model.duties.map((d) => d.id),
    )
    // Read before the cloud: a bad directory stops the scan early (exit 2).
    const hostReports =
      o.hostReports === undefined ? undefined : readHostReports(o.hostReports, io.cwd)
    // So is a store that cannot be opened.
    const store = o.store === undefined ? undefined : await openStore(o.store)
    try {
      return await scanAndReport(o, io, model, hostReports, store, mutelist)
    } finally {
      await store?.close()
    }
  },
})

/** The scan itself, its reports, and the store when asked. */
async function scanAndReport(
  o: ScanOptions,
  io: CliIO,
  model: ReturnType<typeof loadResponsibilityModel>,
  hostReports: ReturnType<typeof readHostReports> | undefined,
  store: Store | undefined,
  mutelist: ReturnType<typeof loadMutelist> | undefined,
): Promise<number> {
  const startedAt = new Date()
  const tool = { name: 'sphere', version: version() }
  const evaluator = new ScanEvaluator({
    checks,
    model,
    settings: o.settings,
    mutelist,
    selection: o.selection,
    tool,
    startedAt,
    now: startedAt,
    ...(hostReports ? { hostReports } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  })
  let outputError: PathError | undefined
  let notes: ScanNote[] = []
  if (o.inventory !== undefined) {
    for (const scope of readSavedInventory(o.inventory).scopes) evaluator.add(scope)
  } else {
    // Each scope is evaluated (and saved) as soon as it is read, then dropped from memory.
    const saving = o.saveInventory ? openAtomic(o.saveInventory) : undefined
    let first = true
    saving?.write(inventoryHead({ tool, collectedAt: startedAt.toISOString() }))
    try {
      notes = await readClouds(
        o,
        io,
        async (s) => {
          await evaluator.addAsync(s)
          saving?.write(inventoryScope(s, first))
          first = false
        },
        // No per-type staging (ScanEvaluator.collected): each scope is evaluated once read, while
        // other scopes are still read. Measured on a quiet machine (docs/benchmark.md), starting
        // checks as their types arrive cost more CPU than it hid behind the IAM tail.
      )
      io.signal?.throwIfAborted()
      if (saving) {
        saving.write(INVENTORY_TAIL)
        saving.commit()
        if (!o.render.quiet) io.stderr.write(`inventory written to ${o.saveInventory!.path}\n`)
      }
    } catch (err) {
      saving?.abort()
      if (!(err instanceof PathError)) throw err
      // The cloud was read: still evaluate and write the report, then exit 2.
      outputError = err
      io.stderr.write(`sphere scan: ${safeText(err.message)}\n`)
    }
  }
  io.signal?.throwIfAborted()
  const result = evaluator.finish(new Date(), notes)
  if (hostReports) io.stderr.write(hostSummary(result, o.render.quiet))
  const toTerminal = o.reports.length === 1 && !o.reports[0]!.target
  writeReports(result, o.reports, o.render, io, {
    color: toTerminal && useColor(io.stdout, io.env),
    width: toTerminal && io.stdout.isTTY ? io.stdout.columns : undefined,
  })
  if (store) {
    const id = await saveToStore(store, result)
    if (!o.render.quiet) io.stderr.write(`stored as scan ${id} in ${safeText(store.where)}\n`)
  }
  if (outputError) return EXIT.usage
  const code = exitCodeFor(result, o.failOn, { allowIncomplete: o.allowIncomplete })
  if (code === EXIT.incomplete)
    io.stderr.write(`sphere scan: ${safeText(incompleteLine(result))}\n`)
  return code
}

/** Saves the result; a database error becomes exit 2 (the reports are already written). */
async function saveToStore(store: Store, result: ScanResult): Promise<number> {
  try {
    return await store.save(result)
  } catch (err) {
    throw new StoreError(
      `the scan could not be stored in ${store.where}: ${(err as Error).message}`,
    )
  }
}
