import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { endpointUrls } from './endpoints.ts'
import { cceClustersSample, huaweiEndpointsSample, otcDocEndpointsSample } from './fixtures.ts'
import { ClusterEndpointsWire } from './schemas.ts'

const read = (e: unknown) => endpointUrls(ClusterEndpointsWire.parse(e))

describe(endpointUrls.name, () => {
  it("reads OTC's object (gopher OutputOTC)", () => {
    const u = read(cceClustersSample.items[0]!.status.endpoints)
    assert.deepEqual(u.internal, ['https://192.168.0.68:5443'])
    assert.deepEqual(u.external, ['https://10.34.56.78:5443'])
    assert.equal(u.externalOtc.length, 1)
  })

  it("reads Huawei's [{url, type}] and the OTC doc's capitalised one-key objects", () => {
    assert.deepEqual(read(huaweiEndpointsSample).internal, ['https://192.168.0.68:5443'])
    assert.deepEqual(read(huaweiEndpointsSample).external, [])
    const doc = read(otcDocEndpointsSample)
    assert.deepEqual(doc.external, ['https://10.34.56.78:5443'])
    assert.deepEqual(doc.internal, ['https://192.168.0.68:5443'])
  })

  it('drops empty values and keeps unknown kinds apart', () => {
    const u = read([
      { url: '', type: 'External' },
      { url: 'https://x:1', type: 'Private' },
    ])
    assert.deepEqual(u.external, [])
    assert.deepEqual(u.other, ['https://x:1'])
    assert.deepEqual(endpointUrls(null).external, [])
    assert.deepEqual(read({ internal: null, external: ' ' }).external, [])
  })
})
