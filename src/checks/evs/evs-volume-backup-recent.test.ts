import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { evsBackup, hoursAgo, issue, volume } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './evs-volume-backup-recent.ts'

const noCbr = {
  unavailable: [{ resourceType: 'cbr.vault' as const, service: 'cbr', reason: 'not in catalog' }],
}

describe(def.id, () => {
  it('passes with a backup from 3 hours ago', () => {
    const v = check(
      def,
      volume({ id: 'v1' }),
      [evsBackup({ volumeId: 'v1', createdAt: hoursAgo(3) })],
      noCbr,
    )
    assert.equal(v.status, 'pass')
  })

  it('fails without a backup, or with only an old or failed one', () => {
    assert.equal(check(def, volume({ id: 'v1' }), [], noCbr).status, 'fail')
    const backups = [
      evsBackup({ volumeId: 'v1', createdAt: hoursAgo(48) }),
      evsBackup({ volumeId: 'v1', createdAt: hoursAgo(1), status: 'error' }),
    ]
    const v = check(def, volume({ id: 'v1' }), backups, noCbr)
    assert.equal(v.status, 'fail')
    assert.equal(v.status === 'fail' && v.evidence.ageHours, 48)
  })

  it('does not apply where CBR is offered', () => {
    assert.equal(check(def, volume()).status, 'notApplicable')
  })

  it('errors when Cinder backups could not be listed', () => {
    assert.equal(
      check(def, volume(), [], { ...noCbr, issues: [issue('evs.backup')] }).status,
      'error',
    )
  })
})
