import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { port, vpc } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './vpc-flow-log-enabled.ts'

const nic = port({ deviceOwner: 'compute:eu-de-01', networkId: 'net-1' })

describe(def.id, () => {
  it('passes with an active flow log on the VPC, or on each subnet with servers', () => {
    assert.equal(check(def, vpc(), [nic]).status, 'pass')
    const perSubnet = vpc({
      subnetIds: ['net-1', 'net-2'],
      flowLogs: [
        { id: 'f', resourceType: 'network', resourceId: 'net-1', trafficType: 'all', active: true },
      ],
    })
    assert.equal(check(def, perSubnet, [nic]).status, 'pass')
  })

  it('fails without one, or with only an inactive one', () => {
    assert.equal(check(def, vpc({ flowLogs: [] }), [nic]).status, 'fail')
    const v = vpc()
    const down = { ...v, flowLogs: v.flowLogs!.map((f) => ({ ...f, active: false })) }
    const r = check(def, down, [nic])
    assert.equal(r.status, 'fail')
    assert.deepEqual(r.status === 'fail' && r.evidence.inactiveFlowLogs, ['fl-1'])
  })

  it('does not apply to a VPC without servers; an unread flow-log list is an error', () => {
    assert.equal(check(def, vpc({ flowLogs: [] }), []).status, 'notApplicable')
    assert.equal(check(def, vpc({ flowLogs: null }), [nic]).status, 'error')
  })

  it('counts only subnets of this VPC with a server’s port, and names those without a flow log', () => {
    const ports = [
      port({ id: 'a', deviceOwner: 'compute:eu-de-01', networkId: 'net-2' }),
      port({ id: 'b', deviceOwner: 'compute:eu-de-02', networkId: 'net-1' }),
      port({ id: 'c', deviceOwner: 'network:dhcp', networkId: 'net-3' }),
      port({ id: 'd', deviceOwner: 'compute:eu-de-01', networkId: 'other-vpc-net' }),
    ]
    const flow = (id: string) => ({
      id: `f-${id}`,
      resourceType: 'network' as const,
      resourceId: id,
      trafficType: 'all' as const,
      active: true,
    })
    const v = vpc({ subnetIds: ['net-1', 'net-2', 'net-3'], flowLogs: [flow('net-3')] })
    const r = check(def, v, ports)
    assert.equal(r.status, 'fail')
    assert.deepEqual(r.status === 'fail' && r.evidence.subnetsWithoutFlowLog, ['net-1', 'net-2'])
    const covered = vpc({
      subnetIds: ['net-1', 'net-2', 'net-3'],
      flowLogs: [flow('net-1'), flow('net-2')],
    })
    assert.equal(check(def, covered, ports).status, 'pass', 'net-3 has no server: no log needed')
    assert.equal(
      check(def, vpc({ subnetIds: ['net-3'], flowLogs: [] }), ports).status,
      'notApplicable',
    )
  })
})
