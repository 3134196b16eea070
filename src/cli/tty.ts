/**
 * Decides whether output may be coloured: only on a TTY, never with NO_COLOR set, always with
 * FORCE_COLOR.
 * @module
 */
import type { CliIO } from './command.ts'

/** True when ANSI colour should be written to `stream`. */
export function useColor(stream: CliIO['stdout'], env: CliIO['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true
}
