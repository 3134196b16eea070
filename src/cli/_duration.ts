/**
 * Durations as flags take them: `90d`, `12h`, `2w`, `30m`.
 * @module
 */
import { UsageError } from './command.ts'

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/** Milliseconds of a duration flag (`90d`); a usage error naming the flag otherwise. */
export function durationFlag(flag: string, value: unknown): number {
  const m = /^(\d+)([mhdw])$/.exec(String(value ?? '').trim())
  const ms = m ? Number(m[1]) * UNIT_MS[m[2]!]! : 0
  if (!m || ms <= 0)
    throw new UsageError(
      `--${flag}: "${String(value ?? '')}" is not valid; expected a duration like 90d, 12h, 2w or 30m`,
    )
  return ms
}
