/**
 * The `sphere` command line: parses the subcommand and its flags, runs it and maps errors to exit
 * codes. This is the only module that calls `process.exit`.
 * @module
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { InputError } from '../model/input-error.ts'
import { safeText } from '../reports/_terminal.ts'
import { type CliIO, type CommandDef, EXIT, UsageError } from './command.ts'

/** Subcommands, loaded only when used. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandDef> }> = {
  checks: {
    summary: 'List the checks, each under the duty it evidences',
    load: () => import('./commands/checks.ts').then((m) => m.default),
  },
  compliance: {
    summary: 'Show a compliance framework (C5:2020, CCM v4) criterion by criterion over a scan',
    load: () => import('./commands/compliance.ts').then((m) => m.default),
  },
  diff: {
    summary: 'Compare two scans: new failures, fixed, still failing, status and duty changes',
    load: () => import('./commands/diff.ts').then((m) => m.default),
  },
  demo: {
    summary: 'Scan a built-in demo cloud (local emulator) and write an HTML report',
    load: () => import('./commands/demo.ts').then((m) => m.default),
  },
  emulator: {
    summary: 'Run a local OpenStack/OTC cloud emulator on 127.0.0.1',
    load: () => import('./commands/emulator.ts').then((m) => m.default),
  },
  history: {
    summary: 'List the scans in the history store; prune old ones',
    load: () => import('./commands/history.ts').then((m) => m.default),
  },
  frameworks: {
    summary: 'List the compliance frameworks and how far the checks reach into each',
    load: () => import('./commands/frameworks.ts').then((m) => m.default),
  },
  host: {
    summary: 'Collect evidence inside a VM: print the collector, parse its output, run it here',
    load: () => import('./commands/host.ts').then((m) => m.default),
  },
  scan: {
    summary: 'Scan projects, regions and clouds: every customer duty, resource by resource',
    load: () => import('./commands/scan.ts').then((m) => m.default),
  },
  serve: {
    summary: 'Web dashboard over the history store: overview, trends, findings, diffs',
    load: () => import('./commands/serve.ts').then((m) => m.default),
  },
  matrix: {
    summary: 'Show the shared responsibility model: who owns which layer and duty',
    load: () => import('./commands/matrix.ts').then((m) => m.default),
  },
}

/** The package version, from package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return pkg.version
}

function mainHelp(): string {
  const names = Object.keys(COMMANDS)
  const width = Math.max(...names.map((n) => n.length))
  return `Sphere ${version()}: the cloud shared responsibility model, executable for Open Telekom Cloud and OpenStack

Usage: sphere <command> [options]

Commands:
${names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`).join('\n')}

Options:
  -h, --help     show help (also: sphere <command> --help)
  -v, --version  print the version (also -V)

Exit codes: 0 ok (a scan: everything selected was read and judged), 1 failing findings at or
above --fail-on, 2 usage, input, configuration or authentication error, 3 scan incomplete
(collection issues or unknown duties), 4 internal error (a bug; --debug shows the stack),
130/143 stopped by Ctrl-C/SIGTERM.
`
}

function commandHelp(def: CommandDef): string {
  return `${def.summary}\n\nUsage: ${def.usage}\n\n${def.help}\n`
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined
    if (topic && COMMANDS[topic]) {
      io.stdout.write(commandHelp(await COMMANDS[topic].load()))
      return EXIT.ok
    }
    io.stdout.write(mainHelp())
    return first === undefined ? EXIT.usage : EXIT.ok
  }
  if (first === '-v' || first === '-V' || first === '--version') {
    io.stdout.write(`${version()}\n`)
    return EXIT.ok
  }
  const entry = COMMANDS[first]
  if (!entry) {
    const what = first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`
    io.stderr.write(
      `sphere: ${safeText(what)}\nCommands: ${Object.keys(COMMANDS).join(', ')}\nRun 'sphere --help' for usage.\n`,
    )
    return EXIT.usage
  }
  const def = await entry.load()
  try {
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout.write(commandHelp(def))
      return EXIT.ok
    }
    let parsed: ReturnType<typeof parseArgs>
    try {
      parsed = parseArgs({
        args: rest,
        options: def.options,
        allowPositionals: def.allowPositionals ?? false,
        strict: true,
      })
    } catch (err) {
      const m = (err as Error).message
      const dash = /^Option '(--[\w-]+)' argument is ambiguous/.exec(m)
      throw new UsageError(
        dash
          ? `${dash[1]}: a value that starts with "-" is written ${dash[1]}=VALUE`
          : (m
              .replace(/^Unknown option/, 'unknown option')
              .split('. To specify')[0]
              ?.split('\n')[0] ?? ''),
      )
    }
    return await def.run({ values: parsed.values, positionals: parsed.positionals }, io)
  } catch (err) {
    return reportError(err, def, io, rest.includes('--debug'))
  }
}

/** Exit codes of a run stopped by a signal (128 + the signal number, as shells report them). */
export const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = {
  SIGINT: 130,
  SIGTERM: 143,
}

/** The abort reason of a run stopped by Ctrl-C or SIGTERM. */
export class Interrupted extends Error {
  readonly exitCode: number
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted (${signal})`)
    this.name = 'Interrupted'
    this.exitCode = SIGNAL_EXIT[signal]
  }
}

/** The signal's reason when the run was stopped by Ctrl-C or SIGTERM. */
function interruption(io: CliIO): Interrupted | undefined {
  const reason: unknown = io.signal?.aborted ? io.signal.reason : undefined
  return reason instanceof Interrupted ? reason : undefined
}

function reportError(err: unknown, def: CommandDef, io: CliIO, debug: boolean): number {
  const stopped = interruption(io)
  if (stopped) {
    io.stderr.write(`sphere ${def.name}: ${stopped.message}; stopped, nothing written\n`)
    return stopped.exitCode
  }
  if (err instanceof UsageError) {
    io.stderr.write(
      `sphere ${def.name}: ${safeText(err.message)}\nUsage: ${def.usage}\nRun 'sphere ${def.name} --help' for details.\n`,
    )
    return EXIT.usage
  }
  if (err instanceof InputError) {
    const what =
      err.name === 'ConfigError'
        ? 'configuration error (clouds.yaml, secure.yaml, OS_* variables or flags)'
        : 'invalid input'
    io.stderr.write(
      `sphere ${def.name}: ${what}\n${err.message
        .split('\n')
        .map((l) => `  ${safeText(l)}`)
        .join('\n')}\n`,
    )
    return EXIT.usage
  }
  const e = err as { exitCode?: unknown; message?: unknown }
  if (typeof e?.exitCode === 'number') {
    io.stderr.write(`sphere ${def.name}: ${safeText(String(e.message))}\n`)
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${safeText(err.stack)}\n`)
    return e.exitCode
  }
  return internalError(err, `sphere ${def.name}`, io, debug)
}

/** Exit 4: a bug. One line; the stack trace only with `--debug`. */
function internalError(err: unknown, who: string, io: Pick<CliIO, 'stderr'>, debug: boolean) {
  const message = err instanceof Error ? err.message : String(err)
  io.stderr.write(
    debug && err instanceof Error && err.stack
      ? `${who}: internal error: ${safeText(err.stack)}\n`
      : `${who}: internal error: ${safeText(message.split('\n')[0] ?? '')} (run with --debug for the stack trace)\n`,
  )
  return EXIT.internal
}

/**
 * A process stream that ignores writes once its reader has gone (`| head -1` closes the pipe):
 * EPIPE is not an error, the command ends with the exit code it would have had.
 */
function pipeSafe(stream: NodeJS.WriteStream): CliIO['stdout'] & { closed(): boolean } {
  let closed = false
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') closed = true
    else throw err
  })
  return {
    get isTTY() {
      return stream.isTTY
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined
    },
    write(chunk: string) {
      if (closed) return true
      try {
        return stream.write(chunk)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EPIPE') closed = true
        else throw err
        return true
      }
    },
    closed: () => closed,
  }
}

/** Waits until everything written to `stream` has been handed to the OS (pipes are asynchronous). */
function drain(stream: NodeJS.WriteStream, closed: () => boolean): Promise<void> {
  if (closed() || stream.writableLength === 0) return Promise.resolve()
  return new Promise<void>((resolve) => {
    stream.write('', () => resolve())
    stream.once('error', () => resolve())
  })
}

/** Entry point for `bin/sphere.js`: runs the CLI on the real process and exits with its code. */
export async function runMain(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug')
  const controller = new AbortController()
  const stdout = pipeSafe(process.stdout)
  const stderr = pipeSafe(process.stderr)
  const stop = (signal: 'SIGINT' | 'SIGTERM') => {
    // A second Ctrl-C while cleaning up ends the process at once.
    if (controller.signal.aborted) process.exit(SIGNAL_EXIT[signal])
    controller.abort(new Interrupted(signal))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  const crash = (err: unknown) => {
    process.exitCode = internalError(err, 'sphere', { stderr }, debug)
    process.exit()
  }
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  })
  process.exitCode = code
  await drain(process.stdout, stdout.closed)
  process.exit(code)
}
