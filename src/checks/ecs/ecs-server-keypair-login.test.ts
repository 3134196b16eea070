import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { server } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './ecs-server-keypair-login.ts'

describe(def.id, () => {
  it('passes for a server with a key pair', () => {
    assert.equal(check(def, server({ keyName: 'ops' })).status, 'pass')
  })

  it('fails for a server without a key pair', () => {
    const v = check(def, server({ keyName: null }))
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && v.evidence, { keyName: null, osType: 'Linux' })
  })
})
