import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issue, policy, vault } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cbr-policy-retention.ts'

describe(def.id, () => {
  it('passes for 30 days, and for unlimited retention', () => {
    assert.equal(check(def, policy({ retention: { days: 30, count: null } })).status, 'pass')
    assert.equal(check(def, policy({ retention: { days: null, count: null } })).status, 'pass')
  })

  it('fails for 1 day or 3 backups', () => {
    assert.equal(check(def, policy({ retention: { days: 1, count: null } })).status, 'fail')
    const v = check(def, policy({ retention: { days: 30, count: 3 } }))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /3 backups < 7/)
  })

  it('names the vaults the policy applies to, from either side of the link', () => {
    const p = policy({ id: 'p1', retention: { days: 1, count: null } })
    const v = check(def, p, [vault({ id: 'vault-1', policyIds: ['p1'] })])
    assert.deepEqual(v.status === 'fail' && v.evidence.vaultIds, ['vault-1'])
  })

  it('errors when vaults could not be listed (they complete the evidence)', () => {
    const v = check(def, policy({ retention: { days: 1, count: null } }), [], {
      issues: [issue('cbr.vault')],
    })
    assert.equal(v.status, 'error')
  })

  it('does not apply to disabled or replication policies', () => {
    assert.equal(
      check(def, policy({ enabled: false, retention: { days: 1, count: null } })).status,
      'notApplicable',
    )
    assert.equal(check(def, policy({ operationType: 'replication' })).status, 'notApplicable')
  })
})
