import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { daysAgo, server } from '../../inventory/testing.ts'
import def from './host-patched-recently.ts'

const srv = server({ id: 'srv-1' })

describe(def.id, () => {
  it('passes after a recent upgrade', () => {
    const v = hostCheck(
      def,
      srv,
      hostReport({ patching: { lastPatchAt: daysAgo(10), pending: 5 } }),
    )
    assert.equal(v.status, 'pass')
    assert.match(v.message, /10 days ago/)
  })

  it('fails when the last upgrade is older than the limit and updates are pending', () => {
    const v = hostCheck(
      def,
      srv,
      hostReport({ patching: { lastPatchAt: daysAgo(45), pending: 12 } }),
    )
    assert.equal(v.status, 'fail')
    assert.match(v.message, /45 days ago \(more than 30\), 12 updates pending/)
  })

  it('passes an old upgrade when nothing is pending on fresh lists', () => {
    const v = hostCheck(
      def,
      srv,
      hostReport({ patching: { lastPatchAt: daysAgo(90), pending: 0 } }),
    )
    assert.equal(v.status, 'pass')
  })

  it('honours the configured age', () => {
    const r = hostReport({ patching: { lastPatchAt: daysAgo(10), pending: 1 } })
    assert.equal(hostCheck(def, srv, r, { settings: { hostPatchMaxAgeDays: 7 } }).status, 'fail')
  })

  it('errors when the last upgrade is unknown and updates are pending', () => {
    const r = hostReport({
      patching: { lastPatchAt: null, pending: 2 },
      errors: [
        {
          field: 'patching.lastPatchAt',
          section: 'dpkg_upgrades',
          rc: null,
          message: 'no package upgrade in /var/log/dpkg.log*',
        },
      ],
    })
    const v = hostCheck(def, srv, r)
    assert.equal(v.status, 'error')
    assert.match(v.message, /patching\.lastPatchAt is unknown .*dpkg\.log/)
  })
})
