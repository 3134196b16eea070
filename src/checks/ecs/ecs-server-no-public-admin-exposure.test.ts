import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eip, issue, port, rule, securityGroup, server } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './ecs-server-no-public-admin-exposure.ts'

const sshOpen = securityGroup({
  id: 'sg-ssh',
  rules: [rule({ portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0' })],
})
const webOnly = securityGroup({ id: 'sg-web', rules: [rule({ remoteIpPrefix: '0.0.0.0/0' })] })
/** A server with one port in `sgId`, with an EIP on it unless `publicIp` is false. */
function setup(sgId: string, publicIp = true, portSecurity = true) {
  const s = server({ id: 's1' })
  const p = port({
    id: 'p1',
    deviceId: 's1',
    securityGroupIds: [sgId],
    portSecurityEnabled: portSecurity,
  })
  const e = eip({ status: 'ACTIVE', portId: publicIp ? 'p1' : null })
  return { s, others: [p, e, sshOpen, webOnly] }
}

describe(def.id, () => {
  it('passes for a private server in an SSH-open group', () => {
    const { s, others } = setup('sg-ssh', false)
    assert.equal(check(def, s, others).status, 'pass')
  })

  it('passes for a public server that admits only HTTPS', () => {
    const { s, others } = setup('sg-web')
    assert.equal(check(def, s, others).status, 'pass')
  })

  it('fails for a public server whose group admits SSH from the internet', () => {
    const { s, others } = setup('sg-ssh')
    const v = check(def, s, others)
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence.publicIps, ['80.158.0.1'])
  })

  it('fails for a public port with port security disabled', () => {
    const { s, others } = setup('sg-web', true, false)
    const v = check(def, s, others)
    assert.equal(v.status, 'fail')
    assert.match(v.message, /without security groups/)
  })

  it('asks for a person when a group is not visible', () => {
    const { s, others } = setup('sg-elsewhere')
    assert.equal(check(def, s, others).status, 'manual')
  })

  it('errors when EIPs could not be listed', () => {
    const { s, others } = setup('sg-web')
    const v = check(def, s, others, { issues: [issue('vpc.eip')] })
    assert.equal(v.status, 'error')
    assert.deepEqual(v.status === 'error' && v.missing, ['vpc.eip'])
  })
})
