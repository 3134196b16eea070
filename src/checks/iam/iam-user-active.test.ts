import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { accessKey, daysAgo, issue, user } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './iam-user-active.ts'

describe(def.id, () => {
  it('passes for a recent console login', () => {
    assert.equal(check(def, user({ lastLoginAt: daysAgo(3) })).status, 'pass')
  })

  it('passes for a programmatic user whose key was used recently', () => {
    const u = user({ id: 'u1', consoleAccess: false, lastLoginAt: null })
    assert.equal(
      check(def, u, [accessKey({ userId: 'u1', lastUsedAt: daysAgo(5) })]).status,
      'pass',
    )
  })

  it('fails after 90 days without activity, and for old users who never signed in', () => {
    assert.equal(check(def, user({ lastLoginAt: daysAgo(91) })).status, 'fail')
    const v = check(def, user({ lastLoginAt: null, createdAt: daysAgo(300) }))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /never signed in/)
  })

  it('passes for a new user, does not apply to disabled ones', () => {
    assert.equal(check(def, user({ lastLoginAt: null, createdAt: daysAgo(2) })).status, 'pass')
    assert.equal(check(def, user({ enabled: false, lastLoginAt: null })).status, 'notApplicable')
  })

  it('errors when access keys could not be listed', () => {
    const v = check(def, user(), [], { issues: [issue('iam.access-key', { region: 'global' })] })
    assert.equal(v.status, 'error')
  })
})
