import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { alarm, issue, server } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './ces-server-alarm.ts'

describe(def.id, () => {
  it('passes for a server named in an enabled rule, or covered by an all-instances rule', () => {
    assert.equal(check(def, server({ id: 's1' }), [alarm({ resourceIds: ['s1'] })]).status, 'pass')
    assert.equal(check(def, server({ id: 's1' }), [alarm({ allResources: true })]).status, 'pass')
  })

  it('fails when only disabled rules (or none) watch it', () => {
    const v = check(def, server({ id: 's1' }), [
      alarm({ id: 'a1', resourceIds: ['s1'], enabled: false }),
    ])
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence.alarmIds, ['a1'])
    assert.equal(check(def, server()).status, 'fail')
  })

  it('errors when alarm rules could not be listed', () => {
    assert.equal(check(def, server(), [], { issues: [issue('ces.alarm')] }).status, 'error')
  })
})
