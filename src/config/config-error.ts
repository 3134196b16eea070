/**
 * A cloud configuration that cannot be used, with every problem found, each naming where it came
 * from: a file and the key inside it (`/x/clouds.yaml: clouds.mycloud.auth.auth_url: missing`), an
 * environment variable or a command-line flag. The CLI maps it to exit code 2.
 * @module
 */
import { InputError, type InputIssue } from '../model/input-error.ts'

/** Where a setting came from, for error messages. */
export type SettingSource =
  | { kind: 'file'; file: string; path: string }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string }
  | { kind: 'default' }

/** One problem, naming its file (or `environment` / `command line`) and key. */
export interface ConfigIssue extends InputIssue {
  file: string
}

/** The `file` shown for problems with environment variables. */
export const ENV_SOURCE = 'environment'
/** The `file` shown for problems with command-line flags. */
export const FLAG_SOURCE = 'command line'

/** Turns a setting's source and a message into an issue. */
export function issueAt(source: SettingSource, message: string): ConfigIssue {
  switch (source.kind) {
    case 'file':
      return { file: source.file, path: source.path, message }
    case 'env':
      return { file: ENV_SOURCE, path: source.name, message }
    case 'flag':
      return { file: FLAG_SOURCE, path: source.name, message }
    default:
      return { file: 'defaults', path: '', message }
  }
}

/** Every problem of a cloud configuration at once. An {@link InputError}, so exit code 2. */
export class ConfigError extends InputError {
  override readonly name = 'ConfigError'
  /** Exit code for the CLI: usage, input or configuration error. */
  readonly exitCode = 2
  override readonly issues: readonly ConfigIssue[]

  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    super(issues[0]?.file ?? ENV_SOURCE, issues, options)
    this.issues = issues
    this.message = issues
      .map((i) => `${i.file}: ${i.path === '' ? '' : `${i.path}: `}${i.message}`)
      .join('\n')
  }
}
