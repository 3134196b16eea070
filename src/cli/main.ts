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
  demo: {
    summary: 'Scan a built-in demo cloud (local emulator) and write an HTML report',
    load: () => import('./commands/demo.ts').then((m) => m.default),
  },
  emulator: {
    summary: 'Run a local OpenStack/OTC cloud emulator on 127.0.0.1',
    load: () => import('./commands/emulator.ts').then((m) => m.default),
  },
  host: {
    summary: 'Collect evidence inside a VM: print the collector, parse its output, run it here',
    load: () => import('./commands/host.ts').then((m) => m.default),
  },
  scan: {
    summary: 'Scan a project: every customer duty, resource by resource',
    load: () => import('./commands/scan.ts').then((m) => m.default),
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
  -V, --version  print the version

Exit codes: 0 ok, 1 failing findings at or above --fail-on, 2 usage, input, configuration or
authentication error, 3 scan incomplete, 4 internal error.
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
  if (first === '-V' || first === '--version') {
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
      throw new UsageError(
        (err as Error).message
          .replace(/^Unknown option/, 'unknown option')
          .split('. To specify')[0] ?? '',
      )
    }
    return await def.run({ values: parsed.values, positionals: parsed.positionals }, io)
  } catch (err) {
    return reportError(err, def, io)
  }
}

function reportError(err: unknown, def: CommandDef, io: CliIO): number {
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
    return e.exitCode
  }
  io.stderr.write(
    `sphere ${def.name}: internal error: ${safeText(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`,
  )
  return 4
}

/** Entry point for `bin/sphere.js`: runs the CLI on the real process and exits with its code. */
export async function runMain(argv: string[]): Promise<void> {
  const controller = new AbortController()
  const stop = () => controller.abort(new Error('interrupted'))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const code = await runCli(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  })
  process.exitCode = code
  // Let stdout drain before exiting (pipes are asynchronous).
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  process.exit(code)
}
