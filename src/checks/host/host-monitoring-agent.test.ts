import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { server } from '../../inventory/testing.ts'
import def from './host-monitoring-agent.ts'

const srv = server({ id: 'srv-1' })

describe(def.id, () => {
  it('passes with the Cloud Eye agent or another agent running', () => {
    assert.equal(hostCheck(def, srv, hostReport()).status, 'pass')
    const r = hostReport({
      agents: { cloudEye: 'absent', monitoring: [{ name: 'node_exporter', state: 'running' }] },
    })
    const v = hostCheck(def, srv, r)
    assert.equal(v.status, 'pass')
    assert.match(v.message, /node_exporter running/)
  })

  it('fails without an agent, or with one installed but stopped', () => {
    const none = hostCheck(def, srv, hostReport({ agents: { cloudEye: 'absent' } }))
    assert.equal(none.status, 'fail')
    assert.match(none.message, /no monitoring agent found/)
    assert.equal(
      hostCheck(def, srv, hostReport({ agents: { cloudEye: 'installed' } })).status,
      'fail',
    )
  })

  it('asks when processes could not be seen', () => {
    const r = hostReport({ agents: { cloudEye: 'installed', processesVisible: false } })
    assert.equal(hostCheck(def, srv, r).status, 'manual')
  })

  it('errors when agents are unknown', () => {
    assert.equal(hostCheck(def, srv, hostReport({ agents: { cloudEye: null } })).status, 'error')
  })
})
