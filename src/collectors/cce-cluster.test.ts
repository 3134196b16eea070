import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  cceClustersSample,
  clusterWire,
  huaweiEndpointsSample,
  otcDocEndpointsSample,
  pyotcClustersSample,
} from '../clients/cce/fixtures.ts'
import { ClusterWire } from '../clients/cce/schemas.ts'
import { cceClusterCollector, toCceCluster } from './cce-cluster.ts'
import { CTX, fakeService } from './testing.ts'

describe('cce.cluster collection', () => {
  it('maps the documented sample: version, Go creation time, the EIP endpoint as external', () => {
    const c = toCceCluster(ClusterWire.parse(cceClustersSample.items[0]), CTX)
    assert.equal(c.id, '4d1ecb2c-229a-11e8-9c75-0255ac100ceb')
    assert.equal(c.version, 'v1.17.9-r0')
    assert.equal(c.phase, 'Available')
    assert.equal(c.createdAt, '2020-02-02T03:48:58.968Z')
    assert.equal(c.vpcId, 'f0c12911-4fdb-4284-9230-7ffb0860826a')
    assert.deepEqual(c.internalEndpoints, ['https://192.168.0.68:5443'])
    assert.deepEqual(c.externalEndpoints, ['https://10.34.56.78:5443'])
    assert.equal(c.gatewayEndpoints.length, 1)
    assert.equal(c.externalIp, null)
  })

  it("reads Huawei's array, the OTC doc's capitalised array and pyotc's object alike", () => {
    const huawei = toCceCluster(clusterWire({ endpoints: huaweiEndpointsSample }), CTX)
    assert.deepEqual(huawei.internalEndpoints, ['https://192.168.0.68:5443'])
    assert.deepEqual(huawei.externalEndpoints, [])
    const doc = toCceCluster(clusterWire({ endpoints: otcDocEndpointsSample }), CTX)
    assert.deepEqual(doc.externalEndpoints, ['https://10.34.56.78:5443'])
    assert.equal(doc.gatewayEndpoints.length, 1)
    const py = toCceCluster(ClusterWire.parse(pyotcClustersSample.items[0]), CTX)
    assert.deepEqual(py.externalEndpoints, [])
    assert.equal(py.createdAt, '2019-02-25T06:19:05.789Z')
    const none = toCceCluster(clusterWire({ endpoints: null }), CTX)
    assert.deepEqual([none.internalEndpoints, none.externalEndpoints], [[], []])
  })

  it('keeps clusterExternalIP and keeps nothing of the authenticating proxy key', () => {
    const w = ClusterWire.parse({
      ...cceClustersSample.items[0],
      spec: {
        ...cceClustersSample.items[0]!.spec,
        extendParam: { clusterExternalIP: '80.158.7.7' },
        authentication: { mode: 'authenticating_proxy', authenticatingProxy: { privateKey: 'PK' } },
      },
    })
    const c = toCceCluster(w, CTX)
    assert.equal(c.externalIp, '80.158.7.7')
    assert.doesNotMatch(JSON.stringify(c), /PK|authenticatingProxy/)
  })

  it('lists the clusters in one call; items null or absent is an empty project', async () => {
    const run = (reply: unknown) =>
      cceClusterCollector.collect({
        ...CTX,
        client: async () => fakeService('cce', { ListClusters: () => reply }),
        shared: (_k, fn) => fn(),
        issue: () => assert.fail('no issue expected'),
      })
    assert.equal((await run(cceClustersSample)).resources.length, 1)
    assert.equal(
      (await run({ kind: 'Cluster', apiVersion: 'v3', items: null })).resources.length,
      0,
    )
    assert.equal((await run({ kind: 'Cluster', apiVersion: 'v3' })).resources.length, 0)
  })
})
