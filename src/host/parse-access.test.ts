import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSshdT, sshdFromFiles } from './parse-access.ts'

describe(sshdFromFiles.name, () => {
  it('reads Include in place, keeps the first value and stops at Match', () => {
    const got = sshdFromFiles(
      [
        '==> /etc/ssh/sshd_config <==',
        'PermitRootLogin no',
        'Include /etc/ssh/sshd_config.d/*.conf',
        'PasswordAuthentication yes',
        'Match Address 10.0.0.0/8',
        '  PermitRootLogin yes',
        '==> /etc/ssh/sshd_config.d/50-cloud-init.conf <==',
        'PasswordAuthentication no',
        '==> /etc/ssh/sshd_config.d/10-x.conf <==',
        'PermitRootLogin=yes',
        'X11Forwarding yes',
      ].join('\n'),
    )
    assert.equal(got.get('permitrootlogin'), 'no')
    assert.equal(got.get('passwordauthentication'), 'no')
    assert.equal(got.get('x11forwarding'), 'yes')
  })
})

describe(parseSshdT.name, () => {
  it('lower-cases keys and keeps multi-word values', () => {
    const got = parseSshdT(
      'PermitRootLogin without-password\nauthorizedkeysfile .ssh/authorized_keys .ssh/authorized_keys2\n',
    )
    assert.equal(got.get('permitrootlogin'), 'without-password')
    assert.equal(got.get('authorizedkeysfile'), '.ssh/authorized_keys .ssh/authorized_keys2')
  })
})
