import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { server } from '../../inventory/testing.ts'
import def from './host-ssh-no-root-login.ts'

const srv = server({ id: 'srv-1' })
const root = (keys: number | null) => ({
  user: 'root',
  uid: 0,
  shell: '/bin/bash',
  password: 'locked' as const,
  keys,
  forcedCommandKeys: 1,
  sudo: 'password' as const,
})

describe(def.id, () => {
  it('passes with PermitRootLogin no', () => {
    assert.equal(hostCheck(def, srv, hostReport()).status, 'pass')
  })

  it('fails with PermitRootLogin yes', () => {
    assert.equal(
      hostCheck(def, srv, hostReport({ ssh: { permitRootLogin: 'yes' } })).status,
      'fail',
    )
  })

  it('judges prohibit-password by root’s usable keys (cloud-init’s forced-command key does not count)', () => {
    const ok = hostReport({ ssh: { permitRootLogin: 'without-password' }, accounts: [root(0)] })
    assert.equal(hostCheck(def, srv, ok).status, 'pass')
    const bad = hostReport({ ssh: { permitRootLogin: 'prohibit-password' }, accounts: [root(2)] })
    const v = hostCheck(def, srv, bad)
    assert.equal(v.status, 'fail')
    assert.match(v.message, /root can log in with 2 SSH key/)
    const unknown = hostReport({
      ssh: { permitRootLogin: 'prohibit-password' },
      accounts: [root(null)],
    })
    assert.equal(hostCheck(def, srv, unknown).status, 'error')
  })

  it('errors when the setting is unknown and asks when not effective', () => {
    assert.equal(
      hostCheck(def, srv, hostReport({ ssh: { permitRootLogin: null } })).status,
      'error',
    )
    assert.equal(hostCheck(def, srv, hostReport({ ssh: { effective: false } })).status, 'manual')
  })
})
