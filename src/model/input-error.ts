/**
 * Bad input from a file or argument a person wrote: names the file, the path inside it and what
 * was expected. The CLI maps it to exit code 2.
 * @module
 */

/** One problem found in an input file. `path` is the location inside the document (`a.b[2].c`). */
export interface InputIssue {
  path: string
  message: string
}

/** A file (or other input) that could not be used, with every problem found in it. */
export class InputError extends Error {
  readonly code = 'E_INPUT'
  readonly file: string
  readonly issues: readonly InputIssue[]

  constructor(file: string, issues: readonly InputIssue[], options?: { cause?: unknown }) {
    super(formatIssues(file, issues), options)
    this.name = 'InputError'
    this.file = file
    this.issues = issues
  }
}

/** Renders issues as `file: path: message` lines, one per issue. */
export function formatIssues(file: string, issues: readonly InputIssue[]): string {
  if (issues.length === 0) return `${file}: invalid`
  return issues
    .map((i) => `${file}: ${i.path === '' ? '(top level)' : i.path}: ${i.message}`)
    .join('\n')
}

/** Formats a zod-style path (`['servers', 2, 'name']`) as `servers[2].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else out += out === '' ? String(seg) : `.${String(seg)}`
  }
  return out
}
