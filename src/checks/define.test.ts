import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { daysAgo, NOW, securityGroup, server } from '../inventory/testing.ts'
import { ageDays, error, fail, label, manual, notApplicable, pass } from './define.ts'

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
})

describe(ageDays.name, () => {
  it('counts whole days and tolerates missing times', () => {
    assert.equal(ageDays(daysAgo(3), NOW), 3)
    assert.equal(ageDays(null, NOW), null)
    assert.equal(ageDays('not a date', NOW), null)
  })
})
