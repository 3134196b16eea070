/**
 * `sphere frameworks`: the compliance frameworks Sphere knows and how far its checks reach into
 * each (criteria total, with a customer part, evidenced by checks, manual, inherited) per model.
 * @module
 */
import { checks } from '../../checks/index.ts'
import { type Coverage, frameworkCoverage } from '../../compliance/coverage.ts'
import { loadCompliance } from '../../compliance/load.ts'
import { MODEL_IDS } from '../../responsibility/schema.ts'
import { defineCommand, EXIT, oneOf } from '../command.ts'

const FORMATS = ['text', 'json', 'markdown'] as const

/** `CSA CCM v4 4.0.12`, but `BSI C5:2020` (its name carries the version). */
const nameOf = (r: { name: string; version: string }) =>
  r.name.includes(r.version) ? r.name : `${r.name} ${r.version}`

/** The coverage table as Markdown (the README carries it; a test keeps the two equal). */
export function coverageMarkdown(
  rows: readonly (Coverage & { name: string; version: string })[],
): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [
    line([
      'Framework',
      'Id',
      'Model',
      'Criteria',
      'Customer part',
      'Evidenced by checks',
      'Manual (customer brings evidence)',
      'Inherited',
    ]),
    line(Array(8).fill('---')),
    ...rows.map((r) =>
      line([
        nameOf(r),
        `\`${r.framework}\``,
        r.model,
        r.total,
        r.customerPart,
        r.evidenced,
        r.manual,
        r.inherited,
      ]),
    ),
  ].join('\n')
}

/** Every framework's coverage, in registry and model order. */
export function coverageRows(models: readonly (typeof MODEL_IDS)[number][] = MODEL_IDS) {
  return loadCompliance().frameworks.flatMap((f) =>
    frameworkCoverage(f, checks, models).map((c) => ({ ...c, name: f.name, version: f.version })),
  )
}

export default defineCommand({
  name: 'frameworks',
  summary: 'List the compliance frameworks and how far the checks reach into each',
  usage: 'sphere frameworks [--model iaas|paas|saas] [--format text|json|markdown]',
  help: `For every framework (sphere compliance --framework ID), per service model: its criteria, how
many give the customer a part (owner customer or shared), how many of those checks evidence, how
many only the customer's own evidence can show (manual), and how many the provider's attestations
cover (inherited). Framework data: src/compliance/data/.

Options:
  --model <id>     only this service model (iaas, paas, saas)
  --format <fmt>   text (default), json or markdown
  -h, --help       show this help

Exit codes: 0 ok; 2 usage error.`,
  options: { model: { type: 'string' }, format: { type: 'string' } },
  async run({ values }, io) {
    const format = oneOf('format', values.format, FORMATS) ?? 'text'
    const model = oneOf('model', values.model, MODEL_IDS)
    const rows = coverageRows(model ? [model] : MODEL_IDS)
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify({ frameworks: rows }, null, 2)}\n`)
      return EXIT.ok
    }
    if (format === 'markdown') {
      io.stdout.write(`${coverageMarkdown(rows)}\n`)
      return EXIT.ok
    }
    const head = [
      'FRAMEWORK',
      'MODEL',
      'CRITERIA',
      'CUSTOMER PART',
      'BY CHECKS',
      'MANUAL',
      'INHERITED',
    ]
    const table = [
      head,
      ...rows.map((r) => [
        `${r.framework} (${nameOf(r)})`,
        r.model,
        ...[r.total, r.customerPart, r.evidenced, r.manual, r.inherited].map(String),
      ]),
    ]
    const widths = head.map((_, i) => Math.max(...table.map((row) => row[i]!.length)))
    io.stdout.write(
      `${table.map((row) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n')}\n\nsphere compliance --framework ID shows a framework criterion by criterion over a scan.\n`,
    )
    return EXIT.ok
  },
})
