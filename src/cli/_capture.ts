/**
 * Test helper: a {@link CliIO} that records what a command writes.
 * @module
 */
import type { CliIO } from './command.ts'

/** Captured output of one CLI run. */
export interface Captured {
  io: CliIO
  out: () => string
  err: () => string
}

/** Builds an IO whose stdout/stderr are recorded; `tty` makes stdout look like a terminal. */
export function captureIO(
  opts: { env?: Record<string, string>; tty?: boolean; cwd?: string } = {},
): Captured {
  let out = ''
  let err = ''
  return {
    io: {
      stdout: { write: (s: string) => (out += s), isTTY: opts.tty ?? false },
      stderr: { write: (s: string) => (err += s), isTTY: false },
      env: opts.env ?? {},
      cwd: opts.cwd ?? process.cwd(),
    },
    out: () => out,
    err: () => err,
  }
}
