/**
 * What a CLI command is: data (name, summary, options, help) plus a `run` that returns an exit
 * code. Commands never exit the process; only `main.ts` does.
 * @module
 */
import type { ParseArgsConfig } from 'node:util'

/** Where a command writes and what it may read from its surroundings. */
export interface CliIO {
  /** `columns`: the terminal's width, when stdout is one. */
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number }
  stderr: { write(chunk: string): unknown; isTTY?: boolean }
  stdin?: NodeJS.ReadableStream
  env: Record<string, string | undefined>
  cwd: string
  /** Aborted on Ctrl-C; long-running commands stop on it. */
  signal?: AbortSignal
}

/** Parsed flags and positionals of one invocation. */
export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>
  positionals: string[]
}

/** A `sphere <name>` subcommand. */
export interface CommandDef {
  name: string
  summary: string
  usage: string
  /** Help text after the usage line: options and examples. */
  help: string
  options: NonNullable<ParseArgsConfig['options']>
  allowPositionals?: boolean
  run(args: CommandArgs, io: CliIO): Promise<number>
}

/** Identity helper for type inference. */
export function defineCommand(def: CommandDef): CommandDef {
  return def
}

/** A mistake in how the command was called: exit code 2 with the message and a pointer to help. */
export class UsageError extends Error {
  readonly code = 'E_USAGE'
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Exit codes, one meaning each. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  incomplete: 3,
  internal: 4,
} as const

/** Reads a string flag that must be one of `valid`. */
export function oneOf<T extends string>(
  flag: string,
  value: unknown,
  valid: readonly T[],
): T | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !valid.includes(value as T)) {
    throw new UsageError(
      `--${flag}: "${String(value)}" is not valid; expected one of: ${valid.join(', ')}`,
    )
  }
  return value as T
}
