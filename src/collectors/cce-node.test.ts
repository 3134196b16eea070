import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cceNodesSample, clusterWire, nodeWire } from '../clients/cce/fixtures.ts'
import { NodeWire } from '../clients/cce/schemas.ts'
import type { RequestOptions } from '../clients/core/types.ts'
import { httpError } from '../clients/testing/http-error.ts'
import type { CollectionIssue } from '../inventory/types.ts'
import { cceNodeCollector, toCceNode } from './cce-node.ts'
import { CTX, fakeService } from './testing.ts'

const issue = (err: unknown): CollectionIssue => ({
  service: 'cce',
  resourceType: 'cce.node',
  region: CTX.region,
  errorKind: 'forbidden',
  message: err instanceof Error ? err.message : String(err),
})

describe('cce.node collection', () => {
  it('maps the documented sample (lower-case apiversion) with its cluster', () => {
    const cluster = clusterWire()
    const n = toCceNode(NodeWire.parse(cceNodesSample.items[0]), cluster, CTX)
    assert.equal(n.os, 'EulerOS 2.5')
    assert.equal(n.clusterId, cluster.metadata.uid)
    assert.equal(n.clusterName, 'mycluster')
    assert.equal(n.serverId, '456789abc-9368-46f3-8f29-d1a95622a568')
    assert.equal(n.publicIp, '10.34.56.78')
    assert.equal(n.phase, 'Active')
  })

  it('keeps only the key pair name of the login, never a password', () => {
    const w = NodeWire.parse({
      ...cceNodesSample.items[0],
      spec: { ...cceNodesSample.items[0]!.spec, login: { userPassword: { password: 'S3cret' } } },
    })
    assert.doesNotMatch(JSON.stringify(toCceNode(w, clusterWire(), CTX)), /S3cret/)
  })

  it('fans out per cluster; a failed cluster is one issue naming it, the others stay', async () => {
    const good = clusterWire({ name: 'good' })
    const bad = clusterWire({ name: 'bad' })
    const calls: string[] = []
    const out = await cceNodeCollector.collect({
      ...CTX,
      client: async () =>
        fakeService('cce', {
          ListClusters: [good, bad],
          ListNodes: (req: RequestOptions) => {
            calls.push(req.path)
            return req.path.includes(bad.metadata.uid)
              ? httpError(req, 403, 'CCE.01403001')
              : { kind: 'List', apiVersion: 'v3', items: [nodeWire({ name: 'n1' })] }
          },
        }),
      shared: (_k, fn) => fn(),
      issue,
    })
    assert.equal(calls.length, 2)
    assert.deepEqual(
      out.resources.map((n) => [n.name, n.clusterName]),
      [['n1', 'good']],
    )
    assert.equal(out.issues?.length, 1)
    assert.match(out.issues?.[0]?.message ?? '', /^nodes of cluster bad \(ListNodes\): /)
  })
})
