import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cbrBackup, hoursAgo, issue, policy, server, vault } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cbr-backup-recent.ts'

const protectedServer = [vault({ id: 'va', resourceIds: ['s1'] }), policy({ vaultIds: ['va'] })]

describe(def.id, () => {
  it('passes with an available backup from 2 hours ago', () => {
    const v = check(def, server({ id: 's1' }), [
      ...protectedServer,
      cbrBackup({ resourceId: 's1', createdAt: hoursAgo(2) }),
    ])
    assert.equal(v.status, 'pass')
  })

  it('fails when the newest available backup is older than 24 hours', () => {
    const backups = [
      cbrBackup({ resourceId: 's1', createdAt: hoursAgo(30) }),
      cbrBackup({ resourceId: 's1', createdAt: hoursAgo(1), status: 'error' }),
    ]
    const v = check(def, server({ id: 's1' }), [...protectedServer, ...backups])
    assert.equal(v.status, 'fail')
    assert.equal(v.status === 'fail' && v.evidence.ageHours, 30)
  })

  it('fails without any backup', () => {
    assert.equal(check(def, server({ id: 's1' }), protectedServer).status, 'fail')
  })

  it('does not apply to unprotected servers', () => {
    assert.equal(check(def, server({ id: 's1' })).status, 'notApplicable')
  })

  it('errors when backups could not be listed', () => {
    assert.equal(
      check(def, server({ id: 's1' }), protectedServer, { issues: [issue('cbr.backup')] }).status,
      'error',
    )
  })
})
