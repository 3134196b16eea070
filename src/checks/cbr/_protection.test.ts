import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { inventory, policy, vault } from '../../inventory/testing.ts'
import { enabledBackupPolicies, protecting, vaultCover } from './_protection.ts'

const vaults = [
  vault({ id: 'va', resourceIds: ['s1'] }),
  vault({ id: 'vb', resourceIds: ['s1'] }),
  vault({ id: 'vd', resourceType: 'disk', resourceIds: ['d1'] }),
]

describe('vaultCover', () => {
  it('lists the vaults of the kind asked for, each with its enabled backup policies', () => {
    const inv = inventory([
      ...vaults,
      policy({ id: 'on', vaultIds: ['va', 'vd'] }),
      policy({ id: 'off', enabled: false, vaultIds: ['va', 'vb'] }),
      policy({ id: 'rep', operationType: 'replication', vaultIds: ['vb'] }),
    ])
    const cover = vaultCover(['va', 'vb', 'vd', 'gone'], 'server', inv)
    assert.deepEqual(
      cover.map((c) => [c.vault.id, c.policyIds]),
      [
        ['va', ['on']],
        ['vb', []],
      ],
    )
    assert.deepEqual(protecting(cover), ['va'])
    assert.deepEqual(vaultCover([], 'server', inv), [])
    assert.deepEqual(protecting(vaultCover(['vd'], 'disk', inv)), ['vd'])
  })

  it("remembers a vault's policies per inventory (a vault's servers share them, frozen)", () => {
    const on = inventory([...vaults, policy({ id: 'p', vaultIds: ['va'] })])
    const va = on.byId('cbr.vault', 'va')!
    const first = enabledBackupPolicies(va, on)
    assert.deepEqual(first, ['p'])
    assert.equal(enabledBackupPolicies(va, on), first)
    assert.ok(Object.isFrozen(first))
    const off = inventory([...vaults, policy({ id: 'p', enabled: false, vaultIds: ['va'] })])
    assert.deepEqual(enabledBackupPolicies(va, off), [], 'another inventory is read again')
    assert.deepEqual(enabledBackupPolicies(va, on), ['p'])
  })
})
