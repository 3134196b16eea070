/**
 * `sphere scan`: reads a project through the cloud's APIs (or a saved inventory), evaluates every
 * customer duty and writes the report.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, relative, resolve } from 'node:path'
import { SEVERITIES } from '../../checks/define.ts'
import { checks } from '../../checks/index.ts'
import { CloudApiError } from '../../clients/core/errors.ts'
import { createRedactor } from '../../clients/core/redact.ts'
import { createSession } from '../../clients/core/session.ts'
import { configSecrets } from '../../config/cloud-config.ts'
import { resolveCloudConfig } from '../../config/clouds.ts'
import { SelectionError } from '../../engine/evaluate.ts'
import { exitCodeFor } from '../../engine/exit-code.ts'
import { loadMutelist } from '../../engine/mutelist.ts'
import { collectFromCloud, evaluateInventory } from '../../engine/run-scan.ts'
import { loadScanConfig } from '../../engine/scan-config.ts'
import type { ScanResult } from '../../engine/types.ts'
import { loadHostReports } from '../../host/index.ts'
import { parseSavedInventory, serializeInventory } from '../../inventory/saved.ts'
import { createStderrLogger } from '../../log/logger.ts'
import { InputError } from '../../model/input-error.ts'
import { safeText } from '../../reports/_terminal.ts'
import { loadResponsibilityModel } from '../../responsibility/load.ts'
import { progressLine, renderScan, SCAN_FORMATS } from '../_scan-output.ts'
import { defineCommand, oneOf, UsageError } from '../command.ts'
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
function hostSummary(result: ScanResult): string {
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
  return `host reports: ${parts.join(', ')}\n${bad.map((x) => `  warning: ${safeText(x.source ?? '')}: ${safeText(x.message)}\n`).join('')}`
}

const list = (v: unknown) =>
  v === undefined
    ? undefined
    : String(v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)

export default defineCommand({
  name: 'scan',
  summary: 'Scan a project: every customer duty, resource by resource',
  usage:
    'sphere scan [--os-cloud NAME] [--region R] [--format FMT] [--output FILE] [--fail-on SEVERITY] [options]',
  help: `Reads the project through the cloud's APIs with OpenStack's configuration (clouds.yaml and
secure.yaml in ./, ~/.config/openstack/, /etc/openstack/ or OS_CLIENT_CONFIG_FILE; or OS_* variables;
AK/SK as ak/sk or OS_ACCESS_KEY/OS_SECRET_KEY) and reports each duty as met, not met, unknown or inherited.

Options:
  --os-cloud <name>        cloud entry in clouds.yaml (default: OS_CLOUD)
  --region <name>          region (default: region_name / OS_REGION_NAME)
  --format <fmt>           ${SCAN_FORMATS.join(', ')} (default text)
  --output <file>          write the report to a file instead of stdout
  --fail-on <severity>     exit 1 on a failing finding at or above: ${SEVERITIES.join(', ')} (default low)
  --mutelist <file>        YAML list of accepted findings (check, resource, reason, expires)
  --config <file>          scan configuration (thresholds such as rpoHours, keyRotationDays)
  --checks <ids>           only these checks (comma-separated; see sphere checks)
  --duty <ids>             only the checks of these duties
  --save-inventory <file>  also write the collected inventory (JSON) for offline evaluation
  --inventory <file>       evaluate a saved inventory instead of reading the cloud
  --host-reports <dir>     in-VM evidence: host reports (*.json from sphere host parse) and raw
                           collector outputs (*.txt, *.out), matched to servers by instance id,
                           else hostname + private IP; see sphere host --help
  --debug                  log every request (method, path, status, time) to stderr, redacted
  -h, --help               show this help

Exit codes: 0 clean; 1 a failing finding at or above --fail-on; 2 usage, configuration or
authentication error (nothing scanned); 3 the scan is incomplete (collection issues) and nothing
failed at or above the threshold.

Host reports older than hostReportMaxAgeDays (--config, default 7) make their server's host checks
\`error\`; a file that cannot be used, or a report that matches no server, is listed in the
report's notes and on stderr, never dropped. Servers without a report get \`manual\` with the
command that collects one.`,
  options: {
    'os-cloud': { type: 'string' },
    region: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    mutelist: { type: 'string' },
    config: { type: 'string' },
    checks: { type: 'string' },
    duty: { type: 'string' },
    'save-inventory': { type: 'string' },
    inventory: { type: 'string' },
    'host-reports': { type: 'string' },
    debug: { type: 'boolean' },
  },
  async run({ values }, io) {
    const format = oneOf('format', values.format, SCAN_FORMATS) ?? 'text'
    const failOn = oneOf('fail-on', values['fail-on'], SEVERITIES) ?? 'low'
    if (values.inventory !== undefined && values['save-inventory'] !== undefined)
      throw new UsageError('--inventory and --save-inventory cannot be combined')
    const path = (v: unknown) => resolve(io.cwd, String(v))
    const { settings } = loadScanConfig(
      values.config === undefined ? undefined : path(values.config),
    )
    const mutelist = values.mutelist === undefined ? undefined : loadMutelist(path(values.mutelist))
    const model = loadResponsibilityModel()
    // Read before the cloud: a missing directory stops the scan early (exit 2).
    const hostReports =
      values['host-reports'] === undefined
        ? undefined
        : readHostReports(path(values['host-reports']), io.cwd)
    const selection = { checkIds: list(values.checks), dutyIds: list(values.duty) }
    const selected = checks.filter(
      (c) =>
        (!selection.checkIds || selection.checkIds.includes(c.id)) &&
        (!selection.dutyIds || selection.dutyIds.includes(c.duty)),
    )
    const startedAt = new Date()
    const tool = { name: 'sphere', version: version() }

    let collected: ReturnType<typeof parseSavedInventory>
    if (values.inventory !== undefined) {
      const file = path(values.inventory)
      collected = parseSavedInventory(readFileSync(file, 'utf8'), file)
    } else {
      const config = resolveCloudConfig({
        flags: {
          osCloud: values['os-cloud'] as string | undefined,
          region: values.region as string | undefined,
        },
        env: io.env,
        cwd: io.cwd,
        home: homedir(),
      })
      const redact = createRedactor(configSecrets(config))
      const logger = values.debug
        ? createStderrLogger({ stream: io.stderr, level: 'debug', redact: (s) => redact.text(s) })
        : undefined
      const session = createSession(config, { logger, signal: io.signal })
      const progress = progressLine(io)
      try {
        collected = await collectFromCloud(session, {
          checks: selection.checkIds || selection.dutyIds ? selected : undefined,
          tool,
          signal: io.signal,
          onProgress: (e) =>
            progress.update(
              e,
              Object.values(session.stats()).reduce((n, s) => n + s.retries, 0),
            ),
        })
      } catch (err) {
        if (err instanceof CloudApiError)
          throw new ScanSetupError(`cannot scan ${config.authUrl}: ${err.message}`)
        throw err
      } finally {
        progress.done()
      }
      if (values['save-inventory'] !== undefined) {
        const file = path(values['save-inventory'])
        writeFileSync(file, serializeInventory(collected.input, collected.meta))
        io.stderr.write(`inventory written to ${file}\n`)
      }
    }

    let result: ReturnType<typeof evaluateInventory>
    try {
      result = evaluateInventory(collected.input, collected.meta, {
        checks,
        model,
        settings,
        mutelist,
        selection,
        startedAt,
        now: new Date(),
        ...(hostReports ? { hostReports } : {}),
      })
    } catch (err) {
      if (err instanceof SelectionError)
        throw new UsageError(`--${err.what === 'check' ? 'checks' : 'duty'}: ${err.message}`)
      throw err
    }
    if (hostReports) io.stderr.write(hostSummary(result))
    const toFile = values.output !== undefined
    const text = renderScan(result, format, !toFile && useColor(io.stdout, io.env))
    if (toFile) {
      const file = path(values.output)
      writeFileSync(file, text)
      io.stderr.write(`report written to ${file}\n`)
    } else {
      io.stdout.write(text)
    }
    return exitCodeFor(result, failOn)
  },
})
