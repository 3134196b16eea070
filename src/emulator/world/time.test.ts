import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fmt, resolveTime } from './time.ts'

const NOW = Date.parse('2025-06-01T12:00:00.123Z')

describe(resolveTime.name, () => {
  it('reads relative times against now', () => {
    assert.equal(resolveTime('now', NOW), NOW)
    assert.equal(resolveTime('-2d', NOW), NOW - 2 * 86_400_000)
    assert.equal(resolveTime('+1.5h', NOW), NOW + 5_400_000)
    assert.equal(resolveTime('-1y', NOW), NOW - 365 * 86_400_000)
  })

  it('reads absolute times as UTC when no zone is given', () => {
    assert.equal(resolveTime('2024-05-01', NOW), Date.parse('2024-05-01T00:00:00Z'))
    assert.equal(resolveTime('2024-05-01T10:00:00', NOW), Date.parse('2024-05-01T10:00:00Z'))
    assert.equal(resolveTime('2024-05-01T10:00:00+02:00', NOW), Date.parse('2024-05-01T08:00:00Z'))
  })
})

describe('fmt', () => {
  it('renders each service time format', () => {
    assert.equal(fmt.isoSeconds(NOW), '2025-06-01T12:00:00Z')
    assert.equal(fmt.isoMicrosZ(NOW), '2025-06-01T12:00:00.123000Z')
    assert.equal(fmt.isoMicros(NOW), '2025-06-01T12:00:00.123000')
    assert.equal(fmt.isoNoZone(NOW), '2025-06-01T12:00:00')
    assert.equal(fmt.isoMillisOffset(NOW), '2025-06-01T12:00:00.123+00:00')
    assert.equal(fmt.isoOffset(NOW), '2025-06-01T12:00:00+0000')
    assert.equal(fmt.spaceTenths(NOW), '2025-06-01 12:00:00.1')
  })
})

/** The formats as they were written before the fast path: field by field, for any time. */
function reference(ms: number): Record<keyof typeof fmt, string> {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const d = new Date(ms)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  const milli = pad(d.getUTCMilliseconds(), 3)
  return {
    isoSeconds: `${date}T${time}Z`,
    isoMicrosZ: `${date}T${time}.${milli}000Z`,
    isoMicros: `${date}T${time}.${milli}000`,
    isoNoZone: `${date}T${time}`,
    isoMillisOffset: `${date}T${time}.${milli}+00:00`,
    isoOffset: `${date}T${time}+0000`,
    spaceTenths: `${date} ${time}.${milli[0]}`,
  }
}

describe('fmt against the field-by-field formats', () => {
  it('prints the same text for every time, in and out of the fast path (years 1000–9999)', () => {
    const edges = [
      0,
      -1,
      1.9,
      -1.5,
      -0.5,
      Date.UTC(1000, 0, 1) - 0.5,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999.9),
      NOW,
      NOW + 0.999,
      Date.UTC(1000, 0, 1),
      Date.UTC(1000, 0, 1) - 1,
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(999, 5, 1),
      new Date(0).setUTCFullYear(5), // year 5 (Date.UTC maps 0–99 to 1900–1999)
      -62198755200000, // year -1
      8.64e15,
      -8.64e15,
      Number.NaN,
    ]
    let seed = 7
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
    const spread = Array.from({ length: 3000 }, () => (random() - 0.45) * 2e14 * random())
    for (const ms of [...edges, ...spread]) {
      const want = reference(ms)
      for (const name of Object.keys(fmt) as (keyof typeof fmt)[])
        assert.equal(fmt[name](ms), want[name], `${name}(${ms})`)
    }
  })
})
