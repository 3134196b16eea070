import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { obsBucket } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './obs-bucket-not-public.ts'

describe(def.id, () => {
  it('passes for a bucket without public grants or statements', () => {
    assert.equal(check(def, obsBucket()).status, 'pass')
  })

  it('fails for an ACL grant to everyone or to all authenticated users', () => {
    const v = check(
      def,
      obsBucket({ publicGrants: [{ grantee: 'authenticated', permission: 'READ' }] }),
    )
    assert.equal(v.status, 'fail')
    assert.match(v.message, /READ to authenticated/)
  })

  it('fails for a public policy statement, naming it', () => {
    const v = check(def, obsBucket({ publicPolicyStatements: ['PublicRead'] }))
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence.publicPolicyStatements, ['PublicRead'])
  })

  it('is an error when the ACL or the policy could not be read (absence is not compliance)', () => {
    assert.equal(check(def, obsBucket({ publicGrants: null })).status, 'error')
    assert.equal(check(def, obsBucket({ publicPolicyStatements: null })).status, 'error')
  })
})
