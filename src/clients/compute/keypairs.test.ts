import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { fakeClient, pagesOf } from '../testing/fake-client.ts'
import { keypairWire, novaKeypairsSample } from './fixtures.ts'
import { listKeypairs, showKeypair } from './keypairs.ts'

describe(listKeypairs.name, () => {
  it('unwraps keypairs[].keypair and sends no limit by default (OTC does not page)', async () => {
    const c = fakeClient([novaKeypairsSample])
    const got = await listKeypairs(c)
    assert.equal(got[0]?.name, 'keypair-601a2305-4f25-41ed-89c6-2a966fc8027a')
    assert.equal(c.calls[0]?.path, '/v2.1/{project_id}/os-keypairs')
    assert.equal(c.calls[0]?.query?.limit, undefined)
    assert.equal(c.calls[0]?.scope, 'project')
  })

  it('follows keypairs_links when a newer microversion pages', async () => {
    const items = ['k1', 'k2', 'k3'].map((name) => ({ keypair: keypairWire({ name }) }))
    const c = fakeClient(pagesOf(OPS['compute.ListKeypairs'], items, 1))
    const got = await listKeypairs(c, { limit: 1 })
    assert.deepEqual(
      got.map((k) => k.name),
      ['k1', 'k2', 'k3'],
    )
    assert.equal(c.calls.length, 3)
    assert.equal(c.calls[0]?.query?.limit, 1)
  })
})

describe(showKeypair.name, () => {
  it('gets one key pair by its encoded name', async () => {
    const kp = keypairWire({ name: 'my key', created_at: '2024-01-01T00:00:00.000000' })
    const c = fakeClient([{ keypair: kp }])
    assert.equal((await showKeypair(c, 'my key')).created_at, '2024-01-01T00:00:00.000000')
    assert.equal(c.calls[0]?.path, '/v2.1/{project_id}/os-keypairs/my%20key')
    assert.equal(c.calls[0]?.method, 'GET')
  })
})
