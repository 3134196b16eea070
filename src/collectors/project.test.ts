import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toProject } from './project.ts'
import { CTX } from './testing.ts'

describe(toProject.name, () => {
  it('builds the project resource', () => {
    assert.deepEqual(toProject({ name: 'eu-de_demo', domainId: 'd-1' }, CTX), {
      type: 'project',
      id: 'p-0001',
      name: 'eu-de_demo',
      region: 'eu-de',
      projectId: 'p-0001',
      domainId: 'd-1',
    })
  })

  it('falls back to the id and an unknown domain', () => {
    const p = toProject({ domainId: null }, CTX)
    assert.equal(p.name, 'p-0001')
    assert.equal(p.domainId, null)
  })
})
