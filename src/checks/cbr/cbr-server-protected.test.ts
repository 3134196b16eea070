import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issue, policy, server, vault } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './cbr-server-protected.ts'

describe(def.id, () => {
  it('passes for a server in a vault with an enabled policy', () => {
    const v = check(def, server({ id: 's1' }), [
      vault({ id: 'va', resourceIds: ['s1'] }),
      policy({ vaultIds: ['va'] }),
    ])
    assert.equal(v.status, 'pass')
  })

  it('fails for a server in no vault', () => {
    assert.equal(check(def, server()).status, 'fail')
  })

  it('fails when the vault policy is disabled or the vault is a disk vault', () => {
    const disabled = check(def, server({ id: 's1' }), [
      vault({ id: 'va', resourceIds: ['s1'] }),
      policy({ enabled: false, vaultIds: ['va'] }),
    ])
    assert.equal(disabled.status, 'fail')
    assert.match(disabled.message, /no enabled backup policy/)
    const disk = check(def, server({ id: 's1' }), [
      vault({ id: 'vd', resourceType: 'disk', resourceIds: ['s1'] }),
      policy({ vaultIds: ['vd'] }),
    ])
    assert.equal(disk.status, 'fail')
  })

  it('errors when vaults could not be listed, is not applicable without CBR', () => {
    assert.equal(check(def, server(), [], { issues: [issue('cbr.vault')] }).status, 'error')
    const na = check(def, server(), [], {
      unavailable: [{ resourceType: 'cbr.vault', service: 'cbr', reason: 'not in catalog' }],
    })
    assert.equal(na.status, 'notApplicable')
    assert.match(na.message, /CBR is not offered/)
  })
})
