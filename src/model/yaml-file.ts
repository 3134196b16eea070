/**
 * Reads a YAML (or JSON) file and validates it with a zod schema; every problem becomes an
 * {@link InputError} that names the file, the path inside it and what was expected.
 * @module
 */
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import type { z } from 'zod'
import { formatPath, InputError, type InputIssue } from './input-error.ts'

/** Turns zod issues into input issues (`path: message`). */
export function zodIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
}

/** Parses YAML text; syntax errors name line and column. */
export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length > 0) {
    throw new InputError(
      file,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0]
        return {
          path: pos ? `line ${pos.line}, column ${pos.col}` : '',
          message: `YAML syntax: ${e.message.split('\n')[0]}`,
        }
      }),
    )
  }
  return doc.toJS({ maxAliasCount: 100 })
}

/** Validates an already parsed document. */
export function validateDocument<S extends z.ZodType>(
  data: unknown,
  schema: S,
  file: string,
): z.output<S> {
  const res = schema.safeParse(data)
  if (!res.success) throw new InputError(file, zodIssues(res.error))
  return res.data
}

/** Reads, parses and validates a YAML or JSON file. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError(
      file,
      [
        {
          path: '',
          message:
            code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})`,
        },
      ],
      { cause: err },
    )
  }
  return validateDocument(parseYamlText(text, file), schema, file)
}
