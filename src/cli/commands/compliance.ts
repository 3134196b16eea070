/**
 * `sphere compliance`: one framework (BSI C5:2020, CSA CCM v4) criterion by criterion over a scan:
 * who owns it, whether the customer part is met, which checks and resources show it, and which
 * attestation covers the provider part.
 * @module
 */
import { checks } from '../../checks/index.ts'
import { toComplianceDocument } from '../../compliance/document.ts'
import { evaluateCompliance } from '../../compliance/evaluate.ts'
import { loadCompliance } from '../../compliance/load.ts'
import { FRAMEWORK_IDS } from '../../compliance/registry.ts'
import { renderComplianceCsv } from '../../reports/compliance-csv.ts'
import { renderComplianceHtml } from '../../reports/compliance-html.ts'
import { renderComplianceMarkdown } from '../../reports/compliance-markdown.ts'
import { renderComplianceText } from '../../reports/compliance-text.ts'
import { MODEL_IDS } from '../../responsibility/schema.ts'
import {
  evaluateInventory,
  type LoadedScan,
  readScanReport,
  readStoredScan,
} from '../_compliance-input.ts'
import { inputFile, outputTarget, writeOutput } from '../_files.ts'
import { storeSpec } from '../_store.ts'
import { defineCommand, EXIT, oneOf, UsageError } from '../command.ts'
import { version } from '../main.ts'
import { useColor } from '../tty.ts'

/** Output formats of `sphere compliance`. */
export const COMPLIANCE_FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const

export default defineCommand({
  name: 'compliance',
  summary: 'Show a compliance framework (C5:2020, CCM v4) criterion by criterion over a scan',
  usage: `sphere compliance --framework ${FRAMEWORK_IDS.join('|')} (--scan report.json | --inventory inv.json | --store latest|ID) [--model iaas|paas|saas] [--format FMT] [-o FILE]`,
  help: `Shows every criterion of the framework with its owner in the service model, and its status:
met (the checks that evidence the customer part pass), not_met (a resource fails one of them; the
failing resources are named), unknown (a check could not be evaluated or data was not collected),
manual (no check can show it: the evidence the customer must bring is named) or inherited (the
provider owns it; the attestation that covers it is named).

Options:
  --framework <id>     ${FRAMEWORK_IDS.join(', ')} (see sphere frameworks)
  --scan <file>        a JSON scan report (sphere scan --format json); it must list every finding,
                       so a report written with --severity, --status or --quiet is refused
  --inventory <file>   a saved inventory (sphere scan --save-inventory), evaluated here
  --store <latest|id>  a scan in the history store (sphere scan --store; sphere history lists
                       them): the latest, or the one with this id
  --db <file|url>      with --store: the history store (default: SPHERE_DB, else
                       $XDG_DATA_HOME/sphere/sphere.db, else ~/.local/share/sphere/sphere.db)
  --config <file>      with --inventory: the scan configuration (thresholds)
  --model <id>         whose ownership applies: iaas (default), paas or saas
  --format <fmt>       ${COMPLIANCE_FORMATS.join(', ')} (default text); html is the audit pack: one
                       self-contained, printable document (scope and date, responsibility split,
                       per criterion the customer's evidence and the provider's attestation, open
                       points, an appendix of failing resources)
  -o, --output <file>  write to a file instead of stdout (written whole or not at all)
  --findings <n|all>   text, markdown: failing resources listed per criterion (default 10)
  -h, --help           show this help

Exit codes: 0 the view was written; 2 usage or input error (a filtered or invalid report, a
missing file, no such stored scan or no store) or an output that cannot be written; 4 internal
error.

Examples:
  sphere scan --format json -o scan.json && sphere compliance --framework c5-2020 --scan scan.json
  sphere compliance --framework c5-2020 --scan scan.json --format html --output c5.html
  sphere compliance --framework ccm-v4 --inventory inv.json --model paas --format json
  sphere scan --store && sphere compliance --framework c5-2020 --store latest`,
  options: {
    framework: { type: 'string' },
    scan: { type: 'string' },
    inventory: { type: 'string' },
    store: { type: 'string' },
    db: { type: 'string' },
    config: { type: 'string' },
    model: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    findings: { type: 'string' },
  },
  async run({ values }, io) {
    const framework = oneOf('framework', values.framework, FRAMEWORK_IDS)
    if (!framework)
      throw new UsageError(`--framework is required; expected one of: ${FRAMEWORK_IDS.join(', ')}`)
    const format = oneOf('format', values.format, COMPLIANCE_FORMATS) ?? 'text'
    const model = oneOf('model', values.model, MODEL_IDS) ?? 'iaas'
    const sources = [values.scan, values.inventory, values.store].filter((v) => v !== undefined)
    if (sources.length !== 1)
      throw new UsageError('give exactly one of --scan FILE, --inventory FILE or --store latest|ID')
    if (values.db !== undefined && values.store === undefined)
      throw new UsageError('--db applies to --store only')
    if (values.config !== undefined && values.inventory === undefined)
      throw new UsageError('--config applies to --inventory only')
    const findings = values.findings === undefined ? 10 : String(values.findings)
    const maxFailing = findings === 'all' ? Number.MAX_SAFE_INTEGER : Number(findings)
    if (!Number.isInteger(maxFailing) || maxFailing < 0)
      throw new UsageError(`--findings: "${findings}" is not valid; expected a whole number or all`)
    const target =
      values.output === undefined ? undefined : outputTarget('--output', values.output, io.cwd)
    const data = loadCompliance(undefined, { checks: new Set(checks.map((c) => c.id)) })
    const fw = data.frameworks.find((f) => f.id === framework)!
    const scan: LoadedScan =
      values.store !== undefined
        ? await readStoredScan(storeSpec(values.db, io), String(values.store))
        : values.scan !== undefined
          ? readScanReport(inputFile('--scan', values.scan, io.cwd))
          : evaluateInventory(
              inputFile('--inventory', values.inventory, io.cwd),
              values.config === undefined
                ? undefined
                : inputFile('--config', values.config, io.cwd),
            )
    const view = evaluateCompliance(fw, model, scan.input, data.attestations, scan.source, checks)
    const out =
      format === 'json'
        ? `${JSON.stringify(toComplianceDocument(view), null, 2)}\n`
        : format === 'markdown'
          ? renderComplianceMarkdown(view, { maxFailing })
          : format === 'csv'
            ? renderComplianceCsv(view)
            : format === 'html'
              ? renderComplianceHtml(view, { generatedBy: `Sphere ${version()}` })
              : renderComplianceText(view, {
                  color: !target && useColor(io.stdout, io.env),
                  maxFailing,
                })
    if (target) {
      writeOutput(target, out, io.signal)
      io.stderr.write(`${format} compliance view written to ${target.path}\n`)
    } else io.stdout.write(out)
    return EXIT.ok
  },
})
