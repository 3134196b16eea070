import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { keystoneProjectsSample, projectWire } from './fixtures.ts'
import { listProjects } from './projects.ts'

describe(listProjects.name, () => {
  it('reads the doc sample in one request with a domain-scoped token', async () => {
    const c = fakeClient([keystoneProjectsSample])
    const got = await listProjects(c, { name: 'eu-de' })
    assert.equal(got[0]?.id, 'e86737682ab64b2490c48f08bcc41914')
    assert.equal(c.calls.length, 1)
    assert.equal(c.calls[0]?.path, '/v3/projects')
    assert.deepEqual(c.calls[0]?.query, { name: 'eu-de' })
    assert.equal(c.calls[0]?.scope, 'domain')
  })

  it('pages with page/per_page and follows links.next', async () => {
    const projects = ['eu-de', 'eu-de_a', 'eu-de_b'].map((name) => projectWire({ name }))
    const c = fakeClient(pagesOf(OPS['identity.ListProjects'], projects, 2))
    const got = await listProjects(c, { limit: 2 })
    assert.deepEqual(
      got.map((p) => p.name),
      ['eu-de', 'eu-de_a', 'eu-de_b'],
    )
    assert.deepEqual(c.calls[0]?.query, { page: 1, per_page: 2 })
    assert.equal(c.calls[1]?.path, `${FAKE_ENDPOINT}/v3/projects?page=2&per_page=2`)
    assert.ok(c.calls.every((r) => r.scope === 'domain'))
  })
})
