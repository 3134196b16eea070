import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, REMOVE, withValueAt } from '../testing/schema-assert.ts'
import {
  flavorWire,
  keypairWire,
  novaFlavorsDetailSample,
  novaKeypairsSample,
  novaServersDetailSample,
  serverWire,
} from './fixtures.ts'
import {
  FlavorWire,
  KeypairWire,
  ListFlavorsDetailResponse,
  ListKeypairsResponse,
  ListServersDetailResponse,
  ServerWire,
} from './schemas.ts'

describe('compute wire schemas', () => {
  it('parses the Nova servers/detail sample', () => {
    const body = ListServersDetailResponse.parse(novaServersDetailSample)
    const s = body.servers[0]!
    assert.equal(s.id, '05184ba3-00ba-4fbc-b7a2-03b62b884931')
    assert.equal(s.image, '')
    assert.equal(s.key_name, 'KeyPair-3b38')
    assert.deepEqual(s.security_groups, [{ name: 'default' }])
    assert.equal(s.metadata['metering.image_id'], 'c0ea3ff1-432e-4650-8a1b-372a80b2d2be')
    assert.equal(s['OS-EXT-AZ:availability_zone'], 'eu-de-01')
    assert.equal(s.addresses['68269e6e-4a27-441b-8029-35373ad50bd9']?.[0]?.addr, '192.168.0.3')
    assert.equal(s['os-extended-volumes:volumes_attached']?.[0]?.delete_on_termination, false)
    assert.equal(body.servers_links?.[0]?.rel, 'next')
  })

  it('parses the key pairs sample with its double nesting', () => {
    const body = ListKeypairsResponse.parse(novaKeypairsSample)
    assert.equal(body.keypairs[0]?.keypair.type, 'ssh')
    assert.match(body.keypairs[0]?.keypair.public_key ?? '', /^ssh-rsa /)
  })

  it('parses the flavors sample (swap as "")', () => {
    const f = ListFlavorsDetailResponse.parse(novaFlavorsDetailSample).flavors[0]!
    assert.equal(f.vcpus, 4)
    assert.equal(f.swap, '')
  })

  it('names the field of a broken body', () => {
    const noStatus = withValueAt(novaServersDetailSample, ['servers', 0, 'status'], REMOVE)
    assert.deepEqual(issuePaths(ListServersDetailResponse, noStatus), ['servers.0.status'])
    const badImage = withValueAt(novaServersDetailSample, ['servers', 0, 'image'], 'abc')
    assert.deepEqual(issuePaths(ListServersDetailResponse, badImage), ['servers.0.image'])
    const noKey = withValueAt(novaKeypairsSample, ['keypairs', 0, 'keypair', 'public_key'], 1)
    assert.deepEqual(issuePaths(ListKeypairsResponse, noKey), ['keypairs.0.keypair.public_key'])
  })

  it('accepts the ECS v1 variants Nova clients meet (string version, image object, no key)', () => {
    const s = serverWire({
      key_name: null,
      image: { id: '1ce5800a-e487-4c1b-b264-3353a39e2b4b' },
      addresses: { vpc: [{ addr: '192.168.20.83', version: '4', 'OS-EXT-IPS:type': 'floating' }] },
    })
    assert.deepEqual(issuePaths(ServerWire, s), [])
  })

  it('builders make valid items with stable, distinct ids', () => {
    assert.deepEqual(issuePaths(ServerWire, serverWire({ name: 'web-1' })), [])
    assert.equal(serverWire({ name: 'web-1' }).id, serverWire({ name: 'web-1' }).id)
    assert.notEqual(serverWire({ name: 'web-1' }).id, serverWire({ name: 'web-2' }).id)
    assert.equal(serverWire({ id: 'x', name: 'web-1' }).id, 'x')
    assert.deepEqual(issuePaths(KeypairWire, keypairWire({ name: 'k' })), [])
    assert.match(keypairWire({ name: 'k' }).fingerprint, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/)
    assert.equal(flavorWire({ name: 's3.large.2' }).id, 's3.large.2')
    assert.deepEqual(issuePaths(FlavorWire, flavorWire()), [])
  })
})
