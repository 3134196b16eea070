import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issue, port, securityGroup, server } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './ecs-server-not-default-sg.ts'

const dflt = securityGroup({ id: 'sg-d', name: 'default' })
const web = securityGroup({ id: 'sg-w', name: 'web' })

describe(def.id, () => {
  it('passes for a server in a role group', () => {
    assert.equal(check(def, server({ securityGroupIds: ['sg-w'] }), [dflt, web]).status, 'pass')
  })

  it('fails for a server in the default group (found through its port)', () => {
    const s = server({ id: 's1' })
    const v = check(def, s, [
      dflt,
      web,
      port({ deviceId: 's1', securityGroupIds: ['sg-w', 'sg-d'] }),
    ])
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence.securityGroupIds, ['sg-d'])
  })

  it('errors when security groups could not be listed', () => {
    const v = check(def, server({ securityGroupIds: ['sg-d'] }), [], {
      issues: [issue('vpc.security-group')],
    })
    assert.equal(v.status, 'error')
  })

  it('errors, never passes, when ports could not be listed (groups come through ports)', () => {
    // A proxy answered GET /network/v2.0/ports with an HTML 502: the port naming the default
    // group was never read, so the server looks as if it were in no group.
    const v = check(def, server({ id: 's1' }), [dflt, web], {
      issues: [issue('vpc.port', { errorKind: 'server', message: '502 Bad Gateway (text/html)' })],
    })
    assert.equal(v.status, 'error')
    assert.deepEqual(v.status === 'error' && v.missing, ['vpc.port'])
  })
})
