import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cbrVaultsSample } from '../clients/cbr/fixtures.ts'
import { VaultWire } from '../clients/cbr/schemas.ts'
import { toCbrVault } from './cbr-vault.ts'
import { CTX } from './testing.ts'

describe(toCbrVault.name, () => {
  it('maps the doc sample; policies are linked from the policy side', () => {
    const v = toCbrVault(VaultWire.parse(cbrVaultsSample.vaults[0]), CTX)
    assert.equal(v.id, 'a335f9e1-1628-4c64-a7be-38656e5ec19c')
    assert.equal(v.resourceType, 'server')
    assert.deepEqual(v.resourceIds, ['server-id'])
    assert.equal(v.status, 'available')
    assert.deepEqual(v.policyIds, [])
  })

  it('keeps the tags (key/value objects)', () => {
    const w = VaultWire.parse({ ...cbrVaultsSample.vaults[0], tags: [{ key: 'env', value: 'qa' }] })
    assert.deepEqual(toCbrVault(w, CTX).tags, { env: 'qa' })
  })
})
