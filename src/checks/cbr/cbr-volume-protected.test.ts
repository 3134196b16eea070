import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issue, policy, server, vault, volume } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cbr-volume-protected.ts'

describe(def.id, () => {
  it('passes for a volume in a disk vault with an enabled policy', () => {
    const v = check(def, volume({ id: 'v1' }), [
      vault({ id: 'vd', resourceType: 'disk', resourceIds: ['v1'] }),
      policy({ vaultIds: ['vd'] }),
    ])
    assert.equal(v.status, 'pass')
  })

  it('passes for a volume attached to a protected server', () => {
    const others = [
      server({ id: 's1', volumeIds: ['v1'] }),
      vault({ id: 'vs', resourceIds: ['s1'] }),
      policy({ vaultIds: ['vs'] }),
    ]
    assert.equal(check(def, volume({ id: 'v1' }), others).status, 'pass')
  })

  it('fails for a volume attached to an unprotected server', () => {
    const v = check(def, volume({ id: 'v1', attachments: ['s1'] }), [server({ id: 's1' })])
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence.attachments, ['s1'])
  })

  it('errors when policies could not be listed', () => {
    assert.equal(check(def, volume(), [], { issues: [issue('cbr.policy')] }).status, 'error')
  })
})
