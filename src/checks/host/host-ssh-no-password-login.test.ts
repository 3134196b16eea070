import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { server } from '../../inventory/testing.ts'
import def from './host-ssh-no-password-login.ts'

const srv = server({ id: 'srv-1' })

describe(def.id, () => {
  it('passes when sshd -T shows no password method', () => {
    assert.equal(hostCheck(def, srv, hostReport()).status, 'pass')
  })

  it('fails with PasswordAuthentication yes and names accounts with a password', () => {
    const r = hostReport({
      ssh: { passwordAuthentication: true },
      accounts: [
        {
          user: 'linux',
          uid: 1000,
          shell: '/bin/bash',
          password: 'hash',
          keys: 0,
          forcedCommandKeys: 0,
          sudo: 'nopasswd',
        },
      ],
    })
    const v = hostCheck(def, srv, r)
    assert.equal(v.status, 'fail')
    assert.match(v.message, /PasswordAuthentication yes.*accounts with a password: linux/)
  })

  it('fails with keyboard-interactive through PAM', () => {
    const v = hostCheck(
      def,
      srv,
      hostReport({ ssh: { kbdInteractiveAuthentication: true, usePam: true } }),
    )
    assert.equal(v.status, 'fail')
  })

  it('asks for a person when only the files could be read', () => {
    assert.equal(hostCheck(def, srv, hostReport({ ssh: { effective: false } })).status, 'manual')
  })

  it('does not apply without an SSH server; errors when the setting is unknown', () => {
    assert.equal(
      hostCheck(def, srv, hostReport({ ssh: { installed: false } })).status,
      'notApplicable',
    )
    const v = hostCheck(def, srv, hostReport({ ssh: { passwordAuthentication: null } }))
    assert.equal(v.status, 'error')
    assert.match(v.message, /ssh\.passwordAuthentication is unknown/)
  })
})
