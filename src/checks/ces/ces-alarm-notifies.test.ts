import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { alarm } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './ces-alarm-notifies.ts'

describe(def.id, () => {
  it('passes for a rule with an SMN topic', () => {
    assert.equal(check(def, alarm()).status, 'pass')
  })

  it('fails with notifications off or without a target', () => {
    assert.equal(
      check(def, alarm({ actions: { notificationEnabled: false, targets: ['urn:smn:x'] } })).status,
      'fail',
    )
    assert.equal(
      check(def, alarm({ actions: { notificationEnabled: true, targets: [] } })).status,
      'fail',
    )
  })

  it('does not apply to disabled rules', () => {
    assert.equal(check(def, alarm({ enabled: false })).status, 'notApplicable')
  })
})
