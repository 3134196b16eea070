/**
 * `sphere matrix`: prints the responsibility model as a stack picture, JSON or Markdown.
 * @module
 */
import { renderMatrixMarkdown } from '../../reports/matrix-markdown.ts'
import { renderMatrixText } from '../../reports/matrix-text.ts'
import { toMatrixDocument } from '../../responsibility/document.ts'
import { loadResponsibilityModel } from '../../responsibility/load.ts'
import { MODEL_IDS } from '../../responsibility/schema.ts'
import { selectMatrix, UnknownSelectionError } from '../../responsibility/select.ts'
import { defineCommand, EXIT, oneOf, UsageError } from '../command.ts'
import { useColor } from '../tty.ts'

const FORMATS = ['text', 'json', 'markdown'] as const

export default defineCommand({
  name: 'matrix',
  summary: 'Show the shared responsibility model: who owns which layer and duty',
  usage: 'sphere matrix [--model iaas|paas|saas] [--service <id>] [--format text|json|markdown]',
  help: `Options:
  --model <id>      only this service model (iaas, paas, saas)
  --service <id>    one OTC service (ecs, rds, cce …): its layers, owners and duties
  --format <fmt>    text (default), json or markdown
  -h, --help        show this help

Examples:
  sphere matrix
  sphere matrix --model paas
  sphere matrix --service rds --format markdown`,
  options: {
    model: { type: 'string' },
    service: { type: 'string' },
    format: { type: 'string' },
  },
  async run({ values }, io) {
    const format = oneOf('format', values.format, FORMATS) ?? 'text'
    const model = oneOf('model', values.model, MODEL_IDS)
    const rm = loadResponsibilityModel()
    let view: ReturnType<typeof selectMatrix>
    try {
      view = selectMatrix(rm, { model, service: values.service as string | undefined })
    } catch (err) {
      if (err instanceof UnknownSelectionError)
        throw new UsageError(`--${err.what}: ${err.message}`)
      throw err
    }
    if (model && view.service && view.service.model !== model) {
      throw new UsageError(
        `--service ${view.service.id} is a ${view.service.model} service, not ${model}`,
      )
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(toMatrixDocument(view), null, 2)}\n`)
    else if (format === 'markdown') io.stdout.write(renderMatrixMarkdown(view))
    else io.stdout.write(renderMatrixText(view, { color: useColor(io.stdout, io.env) }))
    return EXIT.ok
  },
})
