import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issue, server, volume } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './evs-volume-attached.ts'

describe(def.id, () => {
  it('passes for an attached volume', () => {
    assert.equal(check(def, volume({ attachments: ['s1'] })).status, 'pass')
  })

  it('passes when only the server names the volume', () => {
    const v = check(def, volume({ id: 'v1' }), [server({ volumeIds: ['v1'] })])
    assert.equal(v.status, 'pass')
  })

  it('fails for a detached volume', () => {
    const v = check(def, volume({ status: 'available' }))
    assert.equal(v.status, 'fail')
    assert.equal(v.status === 'fail' && v.evidence.status, 'available')
  })

  it('errors when servers could not be listed (they complete the attachments)', () => {
    const v = check(def, volume(), [], { issues: [issue('ecs.server')] })
    assert.equal(v.status, 'error')
    assert.deepEqual(v.status === 'error' && v.missing, ['ecs.server'])
  })
})
