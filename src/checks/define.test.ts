import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { daysAgo, NOW, securityGroup, server } from '../inventory/testing.ts'
import {
  ageDays,
  error,
  fail,
  LABELS_MAX,
  label,
  labelsCached,
  manual,
  notApplicable,
  pass,
} from './define.ts'

describe('verdict helpers', () => {
  it('build plain verdict objects', () => {
    assert.deepEqual(pass('ok'), { status: 'pass', message: 'ok' })
    assert.deepEqual(fail('no', { a: 1 }), { status: 'fail', message: 'no', evidence: { a: 1 } })
    assert.deepEqual(manual('?'), { status: 'manual', message: '?' })
    assert.deepEqual(notApplicable('n/a'), { status: 'notApplicable', message: 'n/a' })
    assert.deepEqual(error('x', ['vpc.eip']), {
      status: 'error',
      message: 'x',
      missing: ['vpc.eip'],
    })
  })
})

describe(label.name, () => {
  it('names the resource kind, name and id', () => {
    assert.equal(label(server({ id: 's1', name: 'web' })), 'server "web" (s1)')
    assert.equal(label(securityGroup({ id: 'sg1' })), 'security group sg1')
  })

  it('is made for the name it is asked with (a remembered label never outlives a rename)', () => {
    assert.equal(label(server({ id: 'r1', name: 'old' })), 'server "old" (r1)')
    assert.equal(label(server({ id: 'r1', name: 'new' })), 'server "new" (r1)')
    assert.equal(label(server({ id: 'r1', name: 'r1' })), 'server r1')
    assert.equal(label(server({ id: 'r1', name: '' })), 'server r1')
    assert.equal(label(securityGroup({ id: 'r1', name: 'new' })), 'security group "new" (r1)')
    assert.equal(label(server({ id: 'r1', name: 'old' })), 'server "old" (r1)')
  })

  it('remembers a bounded number of labels', () => {
    for (let i = 0; i <= LABELS_MAX + 10; i++) label({ type: 'ecs.server', id: `b${i}`, name: 'x' })
    assert.ok(labelsCached() <= LABELS_MAX, `${labelsCached()} labels kept`)
    assert.ok(labelsCached() > 0)
    assert.equal(label({ type: 'ecs.server', id: 'b3', name: 'x' }), 'server "x" (b3)')
  })
})

describe(ageDays.name, () => {
  it('counts whole days and tolerates missing times', () => {
    assert.equal(ageDays(daysAgo(3), NOW), 3)
    assert.equal(ageDays(null, NOW), null)
    assert.equal(ageDays('not a date', NOW), null)
  })
})
