import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CloudApiError } from '../core/errors.ts'
import { fakeClient } from '../testing/fake-client.ts'
import { listClusters, listNodes } from './clusters.ts'
import { cceClustersSample, cceNodesSample } from './fixtures.ts'

describe('CCE lists', () => {
  it('read the whole list in one request, on the documented path', async () => {
    const c = fakeClient([cceClustersSample])
    assert.equal((await listClusters(c)).length, 1)
    assert.equal(c.calls[0]?.path, '/api/v3/projects/{project_id}/clusters')
    const n = fakeClient([cceNodesSample])
    assert.equal((await listNodes(n, 'c-1'))[0]?.spec.os, 'EulerOS 2.5')
    assert.equal(n.calls[0]?.path, '/api/v3/projects/{project_id}/clusters/c-1/nodes')
  })

  it('read items null or absent as an empty list', async () => {
    assert.deepEqual(await listClusters(fakeClient([{ kind: 'Cluster', items: null }])), [])
    assert.deepEqual(await listNodes(fakeClient([{ kind: 'List' }]), 'c-1'), [])
  })

  it('refuse a list that says it is cut (metadata.continue), rather than return part of it', async () => {
    const cut = { ...cceNodesSample, metadata: { continue: 'eyJ2IjoibWV0YSJ9' } }
    await assert.rejects(listNodes(fakeClient([cut]), 'c-1'), (err: unknown) => {
      assert.ok(err instanceof CloudApiError)
      assert.equal(err.kind, 'schema')
      assert.match(err.message, /metadata\.continue/)
      return true
    })
    const done = { ...cceNodesSample, metadata: { continue: '' } }
    assert.equal((await listNodes(fakeClient([done]), 'c-1')).length, 1)
  })
})
