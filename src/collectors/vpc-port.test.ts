import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { neutronPortsSample, portWire } from '../clients/network/fixtures.ts'
import { PortWire } from '../clients/network/schemas.ts'
import { CTX } from './testing.ts'
import { toVpcPort } from './vpc-port.ts'

describe(toVpcPort.name, () => {
  it('maps the doc sample', () => {
    const p = toVpcPort(PortWire.parse(neutronPortsSample.ports[0]), CTX)
    assert.equal(p.id, '791870bd-36a7-4d9b-b015-a78e9b06af08')
    assert.equal(p.name, p.id)
    assert.equal(p.deviceId, 'e6c05704-c907-4cc1-8106-69b0996c43b9')
    assert.equal(p.deviceOwner, 'compute:az3.dc1')
    assert.deepEqual(p.fixedIps, ['172.16.0.37'])
    assert.deepEqual(p.securityGroupIds, ['d0d58aa9-cda9-414c-9c52-6c3daf8534e6'])
    assert.equal(p.portSecurityEnabled, true)
  })

  it('maps a free port and unknown port security to null', () => {
    const p = toVpcPort(
      portWire({ device_id: '', device_owner: '', port_security_enabled: undefined }),
      CTX,
    )
    assert.equal(p.deviceId, null)
    assert.equal(p.deviceOwner, null)
    assert.equal(p.portSecurityEnabled, null)
  })
})
