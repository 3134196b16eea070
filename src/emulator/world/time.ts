/**
 * Times in world files: absolute ISO 8601 (`2024-05-01T12:00:00Z`) or relative to the world's
 * `now` (`-30d`, `-12h`, `+7d`, `now`). Relative times keep a demo world "fresh" whenever it is
 * loaded; tests pin `now` for deterministic results.
 * @module
 */

const UNITS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
}

/** `-30d`, `+2h`, `-1.5y`, `now`. */
export const RELATIVE_TIME = /^(?:now|[-+]?\d+(?:\.\d+)?[smhdwy])$/
/** `2024-05-01`, `2024-05-01T12:00:00Z`, `2024-05-01T12:00:00.123+02:00`. */
export const ABSOLUTE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** Milliseconds since the epoch for a world time, relative ones counted from `now`. */
export function resolveTime(value: string | Date, now: number): number {
  if (value instanceof Date) return value.getTime()
  if (value === 'now') return now
  const rel = /^([-+]?)(\d+(?:\.\d+)?)([smhdwy])$/.exec(value)
  if (rel) {
    const ms = Number(rel[2]) * UNITS[rel[3]!]!
    return Math.round(rel[1] === '-' ? now - ms : now + ms)
  }
  // A date or a time without zone is UTC, not the local zone of whoever runs the tests.
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) && value.length > 10
  return Date.parse(
    hasZone ? value : `${value.replace(' ', 'T')}${value.length === 10 ? 'T00:00:00' : ''}Z`,
  )
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** The date, time and milliseconds fields as the formats print them (any time value). */
function parts(ms: number) {
  const d = new Date(ms)
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    ms: pad(d.getUTCMilliseconds(), 3),
  }
}

type Parts = ReturnType<typeof parts>

const FAST_FROM = Date.UTC(1000, 0, 1)
const FAST_UNTIL = Date.UTC(10000, 0, 1)
const DAY_MS = 86_400_000
const TWO = Array.from({ length: 100 }, (_, i) => pad(i))
const THREE = Array.from({ length: 1000 }, (_, i) => pad(i, 3))
/** `YYYY-MM-DD` per day since the epoch (a world's times fall on a few thousand days). */
const dates = new Map<number, string>()

function dateOf(day: number): string {
  let date = dates.get(day)
  if (date === undefined) {
    if (dates.size >= 100_000) dates.clear()
    date = parts(day * DAY_MS).date
    dates.set(day, date)
  }
  return date
}

/**
 * `YYYY-MM-DDTHH:mm:ss.sss` for years 1000–9999, from integer arithmetic and a remembered date
 * per day (the formats run for every item of every list page: ten field reads and pads per
 * call were a hot spot of the emulator, and `toISOString` is slower still); undefined for
 * other times, which take `parts`. A time value is truncated to whole milliseconds as `Date`
 * does.
 */
function iso(ms: number): string | undefined {
  if (!(ms >= FAST_FROM && ms < FAST_UNTIL)) return undefined
  const t = Math.trunc(ms)
  const day = Math.floor(t / DAY_MS)
  let rest = t - day * DAY_MS
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const sec = Math.floor(rest / 1000)
  return `${dateOf(day)}T${TWO[h]}:${TWO[m]}:${TWO[sec]}.${THREE[rest - sec * 1000]}`
}

const slow = (ms: number, f: (p: Parts) => string) => f(parts(ms))

/** The wire time formats the services use (otc-api.md §16 item 5). */
export const fmt = {
  /** `2018-09-06T14:03:27Z` (Nova, Glance, Keystone `created`). */
  isoSeconds(ms: number): string {
    const s = iso(ms)
    return s ? `${s.slice(0, 19)}Z` : slow(ms, (p) => `${p.date}T${p.time}Z`)
  },
  /** `2019-05-24T15:11:11.815000Z` (Keystone tokens, IAM credentials). */
  isoMicrosZ(ms: number): string {
    const s = iso(ms)
    return s ? `${s.slice(0, 23)}000Z` : slow(ms, (p) => `${p.date}T${p.time}.${p.ms}000Z`)
  },
  /** `2016-05-25T02:42:10.856332` (Cinder, Nova `launched_at`, no zone). */
  isoMicros(ms: number): string {
    const s = iso(ms)
    return s ? `${s.slice(0, 23)}000` : slow(ms, (p) => `${p.date}T${p.time}.${p.ms}000`)
  },
  /** `2018-09-12T08:24:14` (Neutron, no zone). */
  isoNoZone(ms: number): string {
    const s = iso(ms)
    return s ? s.slice(0, 19) : slow(ms, (p) => `${p.date}T${p.time}`)
  },
  /** `2020-02-21T07:00:54.065+00:00` (CBR). */
  isoMillisOffset(ms: number): string {
    const s = iso(ms)
    return s ? `${s.slice(0, 23)}+00:00` : slow(ms, (p) => `${p.date}T${p.time}.${p.ms}+00:00`)
  },
  /** `2018-08-20T02:33:49+0000` (RDS). */
  isoOffset(ms: number): string {
    const s = iso(ms)
    return s ? `${s.slice(0, 19)}+0000` : slow(ms, (p) => `${p.date}T${p.time}+0000`)
  },
  /** `2020-07-08 02:19:03.0` (IAM `create_time`, `last_login_time`). */
  spaceTenths(ms: number): string {
    const s = iso(ms)
    return s
      ? `${s.slice(0, 10)} ${s.slice(11, 19)}.${s[20]}`
      : slow(ms, (p) => `${p.date} ${p.time}.${p.ms[0]}`)
  },
}
