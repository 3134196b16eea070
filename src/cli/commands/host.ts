/**
 * `sphere host`: the in-VM collector as a user runs it. `script` prints the POSIX collector (or its
 * path), `parse` turns collector output into a JSON host report, `collect` runs the collector on
 * this machine and writes the report. `sphere scan --host-reports DIR` reads the reports.
 * @module
 */

import {
  collectLocal,
  HOST_SCRIPT_PATH,
  type HostReport,
  hostScript,
  parseHostOutput,
} from '../../host/index.ts'
import { splitSections } from '../../host/sections.ts'
import { InputError } from '../../model/input-error.ts'
import { INPUT_LIMITS, readInputFile, tooLargeError } from '../../model/input-file.ts'
import {
  fsReason,
  inputFile,
  type OutputTarget,
  outputTarget,
  PathError,
  writeOutput,
} from '../_files.ts'
import { type CliIO, defineCommand, EXIT, UsageError } from '../command.ts'

/** Input that is no collector output at all: exit 2 with the reason. */
class NotCollectorOutput extends Error {
  readonly exitCode = EXIT.usage
}

const SUBCOMMANDS = ['script', 'parse', 'collect'] as const
type Sub = (typeof SUBCOMMANDS)[number]

/** Which flags each subcommand takes. */
const FLAGS: Record<Sub, readonly string[]> = {
  script: ['path'],
  parse: ['input', 'output'],
  collect: ['output'],
}

/** Reads stdin, refusing more than a host report may hold (the collector's output is smaller). */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c
    size += b.length
    if (size > INPUT_LIMITS['host-report']) throw tooLargeError('stdin', 'host-report', 'more')
    chunks.push(b)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Refuses text that is not collector output; returns the report otherwise. */
function toReport(text: string, from: string): HostReport {
  if (text.trim() === '')
    throw new NotCollectorOutput(
      `${from} is empty: expected the output of the collector (sphere host script)`,
    )
  if (splitSections(text).sections.size === 0)
    throw new NotCollectorOutput(
      `${from} is not collector output (no <<<section>>> lines): pipe in what the script from 'sphere host script' prints`,
    )
  return parseHostOutput(text)
}

/** Writes the report to --output or stdout, and says on stderr what it could not determine. */
function writeReport(
  report: HostReport,
  target: OutputTarget | undefined,
  io: CliIO,
  cmd: string,
): number {
  const json = `${JSON.stringify(report, null, 2)}\n`
  if (target !== undefined) {
    writeOutput(target, json, io.signal)
    io.stderr.write(`host report written to ${target.path}\n`)
  } else io.stdout.write(json)
  const uid = report.collector.uid
  if (uid !== null && uid !== 0)
    io.stderr.write(
      `sphere host ${cmd}: warning: the collector ran as uid ${uid}, not root: some values are unknown\n`,
    )
  if (report.errors.length > 0) {
    const shown = report.errors
      .slice(0, 5)
      .map((e) => `  ${e.field ?? e.section ?? '-'}: ${e.message}\n`)
    const more = report.errors.length > 5 ? `  … and ${report.errors.length - 5} more\n` : ''
    io.stderr.write(
      `sphere host ${cmd}: ${report.errors.length} value(s) could not be determined (null in the report, listed in its errors):\n${shown.join('')}${more}`,
    )
  }
  return EXIT.ok
}

const SSH_EXAMPLE = `ssh host 'sudo sh -s' < "$(sphere host script --path)" | sphere host parse > host.json`

export default defineCommand({
  name: 'host',
  summary: 'Collect evidence inside a VM: print the collector, parse its output, run it here',
  usage:
    'sphere host script [--path] | sphere host parse [--input FILE] [--output FILE] | sphere host collect [--output FILE]',
  help: `Patching, OS support, update sources, SSH access and monitoring agents are the customer's
duties inside each VM, and no cloud API shows them. A read-only POSIX sh script collects them (it
never installs, never takes the package manager's lock, never downloads); Sphere turns its output
into a JSON host report (docs/host-report.md) that \`sphere scan --host-reports DIR\` judges.

Subcommands:
  script             print the collector script (run it as root inside a Linux VM)
    --path           print the path of the script in the installed package instead
  parse              read collector output from stdin and write the JSON host report
    --input <file>   read the collector output from a file instead of stdin
    --output <file>  write the report to a file instead of stdout
  collect            run the collector on this machine (sh) and write its report; run it as
                     root (sudo) for complete results
    --output <file>  write the report to a file instead of stdout

Examples:
  ${SSH_EXAMPLE}
  sphere host script | ssh linux@web-01 'sudo sh -s' | sphere host parse > host-reports/web-01.json
  ssh linux@web-01 'sudo sh -s' < collect.sh > web-01.txt   # raw output: scan reads *.txt too
  sudo sphere host collect --output host-reports/$(hostname).json
  sphere scan --host-reports host-reports/

Values the collector cannot determine are null in the report, with an entry in its errors (listed
on stderr); they are never guessed. Output that is not collector output at all (empty, or without
any <<<section>>>) is refused with exit 2.

Exit codes: 0 report written (possibly with unknown values), 2 usage error or input that is no
collector output.`,
  options: {
    path: { type: 'boolean' },
    input: { type: 'string' },
    output: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    const [sub, ...extra] = args.positionals
    if (sub === undefined)
      throw new UsageError(`missing subcommand; expected one of: ${SUBCOMMANDS.join(', ')}`)
    if (!(SUBCOMMANDS as readonly string[]).includes(sub))
      throw new UsageError(
        `unknown subcommand "${sub}"; expected one of: ${SUBCOMMANDS.join(', ')}`,
      )
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
    const cmd = sub as Sub
    for (const flag of Object.keys(args.values))
      if (!FLAGS[cmd].includes(flag))
        throw new UsageError(`--${flag} does not apply to "sphere host ${cmd}"`)

    if (cmd === 'script') {
      io.stdout.write(args.values.path ? `${HOST_SCRIPT_PATH}\n` : hostScript())
      return EXIT.ok
    }
    // Checked before any work: a path that cannot be written is an error now, not after the collector ran.
    const target =
      args.values.output === undefined
        ? undefined
        : outputTarget('--output', args.values.output, io.cwd)
    if (cmd === 'parse') {
      let text: string
      let from: string
      if (args.values.input !== undefined) {
        const file = inputFile('--input', args.values.input, io.cwd)
        from = file
        try {
          text = readInputFile(file, 'host-report')
        } catch (err) {
          if (err instanceof InputError) throw err
          throw new PathError('--input', file, fsReason(err))
        }
      } else {
        const stdin = io.stdin as (NodeJS.ReadableStream & { isTTY?: boolean }) | undefined
        if (!stdin || stdin.isTTY)
          throw new UsageError(
            `no input: pipe the collector's output in, e.g. ${SSH_EXAMPLE}, or use --input FILE`,
          )
        from = 'the input'
        text = await readAll(stdin)
      }
      return writeReport(toReport(text, from), target, io, cmd)
    }
    // collect
    const uid = process.getuid?.()
    if (uid !== undefined && uid !== 0)
      io.stderr.write(
        `sphere host collect: warning: not running as root (uid ${uid}): shadow, sudoers, sshd -T and some package data stay unknown; run it with sudo for complete results\n`,
      )
    io.stderr.write('sphere host collect: running the collector on this machine (read-only)…\n')
    const text = await collectLocal({ ...(io.signal ? { signal: io.signal } : {}) })
    return writeReport(toReport(text, "the collector's output"), target, io, cmd)
  },
})
