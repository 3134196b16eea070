import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { daysAgo, server } from '../../inventory/testing.ts'
import def from './host-security-updates-applied.ts'

const srv = server({ id: 'srv-1', name: 'web-1' })
const update = (name: string, security: boolean) => ({
  name,
  installed: '1',
  candidate: '2',
  origin: security ? 'Debian-Security:12/oldstable-security' : 'Debian:12.15/oldstable',
  security,
  advisory: null,
})

describe(def.id, () => {
  it('passes with nothing pending and fresh package lists', () => {
    const v = hostCheck(def, srv, hostReport())
    assert.equal(v.status, 'pass')
    assert.match(v.message, /no security update pending/)
  })

  it('fails with pending security updates and names them', () => {
    const r = hostReport({
      patching: {
        pending: 3,
        pendingSecurity: 2,
        updates: [update('openssl', true), update('tzdata', true), update('vim', false)],
      },
    })
    const v = hostCheck(def, srv, r)
    assert.equal(v.status, 'fail')
    assert.match(v.message, /2 security updates pending \(openssl, tzdata\)/)
    assert.deepEqual(v.status === 'fail' && v.evidence.packages, ['openssl', 'tzdata'])
  })

  it('fails when installed updates wait for a reboot', () => {
    assert.equal(
      hostCheck(def, srv, hostReport({ patching: { rebootRequired: true } })).status,
      'fail',
    )
  })

  it('asks for fresh lists when they are old', () => {
    const v = hostCheck(def, srv, hostReport({ patching: { listsRefreshedAt: daysAgo(40) } }))
    assert.equal(v.status, 'manual')
    assert.match(v.message, /package lists are 39 days old/)
  })

  it('asks for a person when the repositories do not classify updates (CentOS)', () => {
    const r = hostReport({
      patching: { pending: 4, pendingSecurity: null, securityClassified: false },
    })
    assert.equal(hostCheck(def, srv, r).status, 'manual')
  })

  it('errors naming the field when the count is unknown', () => {
    const r = hostReport({
      patching: { pendingSecurity: null },
      errors: [
        {
          field: 'patching.pendingSecurity',
          section: 'apt_simulate',
          rc: 100,
          message: 'apt_simulate failed (rc 100): E: broken',
        },
      ],
    })
    const v = hostCheck(def, srv, r)
    assert.equal(v.status, 'error')
    assert.match(v.message, /patching\.pendingSecurity is unknown .*E: broken/)
  })

  it('asks for a report when there is none, and errors on a stale one', () => {
    const none = hostCheck(def, srv, null)
    assert.equal(none.status, 'manual')
    assert.match(none.message, /sphere host script \| ssh/)
    const stale = hostCheck(def, srv, hostReport({ collectedAt: daysAgo(20) }), { stale: true })
    assert.equal(stale.status, 'error')
    assert.match(stale.message, /20 days old .* limit 7 days/)
  })

  it('does not apply to Windows servers', () => {
    assert.equal(hostCheck(def, server({ osType: 'Windows' }), null).status, 'notApplicable')
  })
})
