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
