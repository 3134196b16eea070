/**
 * Cloud timestamps in the many forms OTC APIs send them. Wire schemas keep the values as given;
 * collectors turn them into `Date`s with {@link parseCloudTime}.
 * @module
 */

// yyyy-MM-dd, then optionally [T or space]HH:mm[:ss[.fraction]], then optionally Z or ±hh[:]mm,
// then optionally the zone's name after an offset, as Go prints times (CCE: `+0000 UTC`).
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?(?:(?<=[+-]\d{2}:?\d{2})\s+[A-Z]{3,5})?$/i

/** Epoch values below this are seconds, above it milliseconds (1e11 s is the year 5138). */
const SECONDS_LIMIT = 1e11

function fromEpoch(n: number): Date | null {
  if (!Number.isFinite(n) || n < 0) return null
  return new Date(n < SECONDS_LIMIT ? n * 1000 : n)
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0
  const digits = zone.slice(1).replace(':', '')
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))
  return zone.startsWith('-') ? -minutes : minutes
}

function fromText(text: string): Date | null {
  const m = PATTERN.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m
  const ms = Number(frac.padEnd(3, '0').slice(0, 3))
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, ms)
  const check = new Date(local)
  // Date.UTC rolls 2020-02-31 over into March; a real timestamp never does.
  if (
    check.getUTCMonth() !== +mo! - 1 ||
    check.getUTCDate() !== +d! ||
    +h > 23 ||
    +mi > 59 ||
    +s > 59
  )
    return null
  return new Date(local - offsetMinutes(zone) * 60_000)
}

/**
 * Parses a timestamp as OTC sends it; values without a zone are UTC. Accepts ISO 8601 with `Z`
 * (`2019-05-24T15:11:11.815000Z`), with offsets (`2018-08-20T02:33:49+0800`,
 * `2020-09-04T06:57:37.344+00:00`), without a zone (`2018-09-12T08:24:14`), space-separated
 * (`2015-07-16 04:22:32`, `2020-07-08 02:19:03.0`), Go's form (CCE: `2020-02-02 03:48:58.968214406 +0000 UTC`), dates (`2016-12-07`) and epoch milliseconds or
 * seconds as numbers or digit strings (CES, CTS). Returns null for null, empty or unparseable input.
 * @example parseCloudTime('2018-08-20T02:33:49+0800')?.toISOString() // '2018-08-19T18:33:49.000Z'
 */
export function parseCloudTime(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return fromEpoch(value)
  const text = value.trim()
  if (text === '') return null
  if (/^\d+$/.test(text)) return fromEpoch(Number(text))
  return fromText(text)
}
