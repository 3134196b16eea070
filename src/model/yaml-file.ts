/**
 * Reads a YAML (or JSON) file and validates it with a zod schema; every problem becomes an
 * {@link InputError} that names the file, the path inside it and what was expected. Files are
 * size-limited by kind before parsing (`input-file.ts`), and YAML aliases may not expand a few
 * lines into millions of nodes ("billion laughs").
 * @module
 */
import { parseDocument } from 'yaml'
import type { z } from 'zod'
import { formatPath, InputError, type InputIssue } from './input-error.ts'
import { checkInputSize, type InputKind, readInputFile } from './input-file.ts'

/**
 * How often aliases may be expanded, counted the way the `yaml` library does (uses of an anchor
 * times the aliases inside it). Ordinary files use a few; an alias bomb needs millions.
 */
export const MAX_YAML_ALIAS_COUNT = 100

/** Turns zod issues into input issues (`path: message`). */
export function zodIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
}

/**
 * Parses YAML text; syntax errors name line and column. With `kind`, text larger than that
 * kind's limit is refused before parsing.
 * @throws {InputError} for syntax errors, alias bombs and (with `kind`) oversized text
 */
export function parseYamlText(text: string, file: string, kind?: InputKind): unknown {
  if (kind) checkInputSize(text, file, kind)
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
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT })
  } catch (err) {
    // The library throws ReferenceError for alias bombs and unresolvable aliases.
    if (!(err instanceof ReferenceError)) throw err
    const bomb = /excessive alias count/i.test(err.message)
    const message = bomb
      ? `YAML aliases expand too far (more than ${MAX_YAML_ALIAS_COUNT} alias expansions): an alias bomb? Write the values out instead of repeating aliases`
      : `YAML alias: ${err.message}`
    throw new InputError(file, [{ path: '', message }], { cause: err })
  }
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

/**
 * Reads, parses and validates a YAML or JSON file, refusing files over the limit of `kind`
 * (default `data`, Sphere's own data files) before parsing.
 * @throws {InputError} naming the file, and the path inside it where there is one
 */
export function readYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  kind: InputKind = 'data',
): z.output<S> {
  return validateDocument(parseYamlText(readInputFile(file, kind), file), schema, file)
}
