import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { keypairWire, novaKeypairsSample } from '../clients/compute/fixtures.ts'
import { KeypairWire } from '../clients/compute/schemas.ts'
import { toNovaKeypair } from './nova-keypair.ts'
import { CTX } from './testing.ts'

describe(toNovaKeypair.name, () => {
  it('maps the doc sample (id = name)', () => {
    const k = toNovaKeypair(KeypairWire.parse(novaKeypairsSample.keypairs[0]?.keypair), CTX)
    assert.equal(k.id, 'keypair-601a2305-4f25-41ed-89c6-2a966fc8027a')
    assert.equal(k.name, k.id)
    assert.equal(k.keyType, 'ssh')
    assert.equal(k.fingerprint, '15:b0:f8:b3:f9:48:63:**:**:**:**:**:**:**:**:**')
  })

  it('leaves the key type unknown before microversion 2.2', () => {
    assert.equal(toNovaKeypair(keypairWire({ type: undefined }), CTX).keyType, null)
  })
})
