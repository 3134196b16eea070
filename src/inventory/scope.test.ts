import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  ACCOUNT_TYPES,
  accountScope,
  compareScopes,
  PROJECT_TYPES,
  type ScopeRef,
  scopeKey,
  scopeLabel,
} from './scope.ts'
import { RESOURCE_TYPES } from './types.ts'

const p = (cloud: string, region: string, name: string): ScopeRef => ({
  cloud,
  region,
  projectId: `id-${name}`,
  projectName: name,
  kind: 'project',
})

describe('scopes', () => {
  it('splits every resource type into account and project types, project in the latter', () => {
    assert.deepEqual([...ACCOUNT_TYPES, ...PROJECT_TYPES].sort(), [...RESOURCE_TYPES].sort())
    assert.ok(PROJECT_TYPES.includes('project'))
    assert.ok(!PROJECT_TYPES.some((t) => t.startsWith('iam.')))
  })
  it('keys and labels', () => {
    assert.equal(scopeKey(p('otc', 'eu-de', 'eu-de_prod')), 'otc/eu-de/id-eu-de_prod')
    assert.equal(scopeLabel(p('otc', 'eu-de', 'eu-de_prod')), 'otc eu-de/eu-de_prod')
    const a = accountScope('otc', { id: 'd1', name: 'OTC0001' })
    assert.deepEqual(a, {
      cloud: 'otc',
      region: 'global',
      projectId: 'd1',
      projectName: 'OTC0001',
      kind: 'account',
    })
    assert.equal(scopeLabel(a), 'otc account OTC0001')
  })
  it('orders by cloud, project scopes first, then region and name', () => {
    const list = [
      accountScope('b', { id: 'd' }),
      p('b', 'eu-nl', 'eu-nl'),
      accountScope('a', { id: 'd' }),
      p('b', 'eu-de', 'eu-de_x'),
      p('b', 'eu-de', 'eu-de'),
    ].sort(compareScopes)
    assert.deepEqual(
      list.map((s) => scopeLabel(s)),
      ['a account d', 'b eu-de/eu-de', 'b eu-de/eu-de_x', 'b eu-nl/eu-nl', 'b account d'],
    )
  })
})
