import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { passwordPolicy } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './iam-password-policy-strong.ts'

describe(def.id, () => {
  it('passes at length 12 with 3 character types', () => {
    assert.equal(check(def, passwordPolicy({ minimumLength: 12, charTypes: 3 })).status, 'pass')
  })

  it('fails for the OTC default (length 6, 2 types)', () => {
    const v = check(def, passwordPolicy({ minimumLength: 6, charTypes: 2 }))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /minimum length 6 < 12, 2 character types < 3/)
  })

  it('asks for a person when the character-type rule is unreadable', () => {
    assert.equal(check(def, passwordPolicy({ charTypes: null })).status, 'manual')
  })
})
