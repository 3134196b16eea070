import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rdsInstance } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './rds-engine-version-supported.ts'

const at = (iso: string) => ({ now: new Date(iso) })

describe(def.id, () => {
  it('passes before OTC’s end of support and when none is announced', () => {
    const pg = rdsInstance({ engine: 'PostgreSQL', engineVersion: '12' })
    assert.equal(check(def, pg, [], at('2026-04-30T12:00:00Z')).status, 'pass')
    assert.equal(
      check(def, rdsInstance({ engineVersion: '8.0' }), [], at('2026-12-01T00:00:00Z')).status,
      'pass',
    )
  })

  it('fails after it (MySQL 5.7: EOS November 2025)', () => {
    const v = check(def, rdsInstance({ engineVersion: '5.7' }), [], at('2025-12-01T00:00:00Z'))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /past its OTC end of support \(2025-11-30\)/)
  })

  it('says when the date is the vendor’s, not OTC’s', () => {
    const sql = rdsInstance({ engine: 'SQLServer', engineVersion: '2014_SE' })
    assert.match(check(def, sql, [], at('2025-01-01T00:00:00Z')).message, /not confirmed by OTC/)
  })

  it('asks for a person for a version without data', () => {
    assert.equal(check(def, rdsInstance({ engineVersion: '9.1' })).status, 'manual')
  })
})
