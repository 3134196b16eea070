import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issue, project, tracker } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cts-tracker-enabled.ts'

describe(def.id, () => {
  it('passes with an enabled system tracker', () => {
    assert.equal(check(def, project(), [tracker()]).status, 'pass')
  })

  it('fails without trackers, with a disabled one, or with a data tracker only', () => {
    assert.equal(check(def, project()).status, 'fail')
    const v = check(def, project(), [tracker({ status: 'disabled' })])
    assert.equal(v.status, 'fail')
    assert.match(v.message, /disabled/)
    assert.equal(
      check(def, project(), [tracker({ trackerType: 'data', name: 'obs-data' })]).status,
      'fail',
    )
  })

  it('ignores trackers of other regions', () => {
    assert.equal(check(def, project(), [tracker({ region: 'eu-nl' })]).status, 'fail')
  })

  it('errors when trackers could not be listed (never "no tracker")', () => {
    const v = check(def, project(), [], { issues: [issue('cts.tracker')] })
    assert.equal(v.status, 'error')
  })
})
