import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rdsInstance } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './rds-backup-retention.ts'

describe(def.id, () => {
  it('passes at 7 days', () => {
    assert.equal(check(def, rdsInstance({ backupKeepDays: 7 })).status, 'pass')
  })

  it('fails below 7 days and when backups are off', () => {
    assert.equal(check(def, rdsInstance({ backupKeepDays: 3 })).status, 'fail')
    const off = check(def, rdsInstance({ backupKeepDays: 0 }))
    assert.equal(off.status, 'fail')
    assert.match(off.message, /turned off/)
  })

  it('asks for a person when retention is not reported', () => {
    assert.equal(check(def, rdsInstance({ backupKeepDays: null })).status, 'manual')
  })
})
