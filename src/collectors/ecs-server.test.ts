import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { novaServersDetailSample, serverWire } from '../clients/compute/fixtures.ts'
import { ServerWire } from '../clients/compute/schemas.ts'
import { ecsServerCollector, toEcsServer } from './ecs-server.ts'
import { CTX, fakeService } from './testing.ts'

describe(toEcsServer.name, () => {
  it('maps the doc sample (booted from a volume: image "" → imageId null)', () => {
    const s = toEcsServer(ServerWire.parse(novaServersDetailSample.servers[0]), CTX)
    assert.equal(s.type, 'ecs.server')
    assert.equal(s.id, '05184ba3-00ba-4fbc-b7a2-03b62b884931')
    assert.equal(s.imageId, null)
    assert.equal(s.imageName, 'Standard_CentOS_7_latest')
    assert.equal(s.osType, 'Linux')
    assert.equal(s.keyName, 'KeyPair-3b38')
    assert.equal(s.flavor, 's3.xlarge.2')
    assert.equal(s.createdAt, '2012-09-07T16:56:37.000Z')
    assert.deepEqual(s.volumeIds, ['2edc879f-022e-4bd6-b079-95a27564d449'])
    // Nova names groups only; ids come from the ports (derived by the Inventory).
    assert.deepEqual(s.securityGroupIds, [])
    assert.deepEqual(s.portIds, [])
    assert.equal(s.region, 'eu-de')
  })

  it('keeps the tags (key=value strings, a bare key) and nothing else of the wire object', () => {
    const s = toEcsServer(serverWire({ tags: ['env=prod', 'pci'] }), CTX)
    assert.deepEqual(s.tags, { env: 'prod', pci: '' })
    assert.equal('raw' in s, false)
    assert.equal('tags' in toEcsServer(serverWire({ tags: [] }), CTX), false)
  })

  it('takes the image id from image.id', () => {
    assert.equal(toEcsServer(serverWire({ image: { id: 'img-1' } }), CTX).imageId, 'img-1')
  })

  it('treats a missing or empty key name as password login', () => {
    assert.equal(toEcsServer(serverWire({ key_name: null }), CTX).keyName, null)
    assert.equal(toEcsServer(serverWire({ key_name: '' }), CTX).keyName, null)
    assert.equal(toEcsServer(serverWire({ key_name: undefined }), CTX).keyName, null)
  })

  it('reads floating addresses, port ids and group ids the server states', () => {
    const s = toEcsServer(
      serverWire({
        addresses: {
          net: [
            {
              addr: '192.168.0.3',
              version: 4,
              'OS-EXT-IPS:type': 'fixed',
              'OS-EXT-IPS:port_id': 'port-1',
            },
            {
              addr: '80.158.1.2',
              version: 4,
              'OS-EXT-IPS:type': 'floating',
              'OS-EXT-IPS:port_id': 'port-1',
            },
          ],
        },
        security_groups: [{ name: 'default' }, { name: 'web', id: 'sg-web' }],
      }),
      CTX,
    )
    assert.deepEqual(s.portIds, ['port-1'])
    assert.deepEqual(s.publicIps, ['80.158.1.2'])
    assert.deepEqual(s.securityGroupIds, ['sg-web'])
  })

  it('unknown metadata stays null', () => {
    const s = toEcsServer(serverWire({ metadata: {} }), CTX)
    assert.equal(s.imageName, null)
    assert.equal(s.osType, null)
  })
})

describe('ecsServerCollector', () => {
  it('lists servers through the compute client', async () => {
    const compute = fakeService('compute', { ListServersDetail: [serverWire({ name: 'a' })] })
    const out = await ecsServerCollector.collect({
      ...CTX,
      client: async () => compute,
      shared: (_k, fn) => fn(),
      issue: () => assert.fail('no issue expected'),
    })
    assert.deepEqual(
      out.resources.map((s) => s.name),
      ['a'],
    )
    assert.equal(compute.calls[0]?.op, 'ListServersDetail')
  })
})
