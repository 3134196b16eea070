/**
 * `sphere checks`: lists every check with its duty, service, severity and title.
 * @module
 */
import { checks } from '../../checks/index.ts'
import { columns, paint } from '../../reports/_terminal.ts'
import { defineCommand, EXIT, oneOf } from '../command.ts'
import { useColor } from '../tty.ts'

const FORMATS = ['text', 'json'] as const

export default defineCommand({
  name: 'checks',
  summary: 'List the checks, each under the duty it evidences',
  usage: 'sphere checks [--format text|json] [--duty <id>]',
  help: `Options:
  --format <fmt>  text (default) or json
  --duty <id>     only the checks of this duty
  -h, --help      show this help`,
  options: { format: { type: 'string' }, duty: { type: 'string' } },
  async run({ values }, io) {
    const format = oneOf('format', values.format, FORMATS) ?? 'text'
    const duties = [...new Set(checks.map((c) => c.duty))]
    const duty = oneOf('duty', values.duty, duties)
    const list = checks.filter((c) => !duty || c.duty === duty)
    if (format === 'json') {
      const out = list.map((c) => ({
        id: c.id,
        title: c.title,
        duty: c.duty,
        service: c.service,
        resourceType: c.resourceType,
        severity: c.severity,
        rationale: c.rationale,
        remediation: c.remediation,
        references: c.references,
        requires: c.requires,
      }))
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
      return EXIT.ok
    }
    const color = useColor(io.stdout, io.env)
    const rows = [
      ['Check', 'Duty', 'Service', 'Severity', 'Title'].map((h) => paint('bold', h, color)),
    ]
    for (const c of list) rows.push([c.id, c.duty, c.service, c.severity, c.title])
    io.stdout.write(`${columns(rows).join('\n')}\n\n${list.length} checks\n`)
    return EXIT.ok
  },
})
