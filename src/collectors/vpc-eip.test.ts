import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { floatingIpWire, neutronFloatingIpsSample } from '../clients/network/fixtures.ts'
import { FloatingIpWire } from '../clients/network/schemas.ts'
import { CTX } from './testing.ts'
import { toVpcEip } from './vpc-eip.ts'

describe(toVpcEip.name, () => {
  it('maps the (unbound) doc sample', () => {
    const e = toVpcEip(FloatingIpWire.parse(neutronFloatingIpsSample.floatingips[0]), CTX)
    assert.equal(e.id, '1a3a2818-d9b4-4a9c-8a19-5252c499d1cd')
    assert.equal(e.address, '99.99.99.84')
    assert.equal(e.name, '99.99.99.84')
    assert.equal(e.status, 'DOWN')
    assert.equal(e.portId, null)
  })

  it('maps a bound EIP', () => {
    const e = toVpcEip(floatingIpWire({ port_id: 'port-1', status: 'ACTIVE' }), CTX)
    assert.equal(e.portId, 'port-1')
    assert.equal(e.status, 'ACTIVE')
  })
})
