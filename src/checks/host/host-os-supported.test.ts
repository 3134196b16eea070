import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { server } from '../../inventory/testing.ts'
import def from './host-os-supported.ts'

const srv = server({ id: 'srv-1' })
const os = (distro: string | null, release: string | null) =>
  hostReport({ os: { distro, release } })

describe(def.id, () => {
  it('passes within standard support', () => {
    const v = hostCheck(def, srv, os('debian', '12'))
    assert.equal(v.status, 'pass')
    assert.match(v.message, /supported until 2026-07-11/)
  })

  it('fails past standard support and says when only extended support remains', () => {
    const v = hostCheck(def, srv, os('debian', '11'))
    assert.equal(v.status, 'fail')
    assert.match(
      v.message,
      /past its end of standard support on 2024-08-14; only extended support .* until 2026-08-31/,
    )
    assert.equal(hostCheck(def, srv, os('centos', '7')).status, 'fail')
  })

  it('passes extended support when configured, with the warning', () => {
    const v = hostCheck(def, srv, os('debian', '11'), { settings: { osSupportPhase: 'extended' } })
    assert.equal(v.status, 'pass')
    assert.match(v.message, /only extended support/)
  })

  it('maps service packs (openEuler) and asks for a person without dates', () => {
    assert.equal(hostCheck(def, srv, os('openeuler', '24.03-sp1')).status, 'pass')
    assert.equal(hostCheck(def, srv, os('hce', '2.0')).status, 'manual')
    assert.equal(hostCheck(def, srv, os('plan9', '4')).status, 'manual')
  })

  it('asks for a person on a rolling release, whatever its version', () => {
    const v = hostCheck(def, srv, os('fedora-coreos', '30'))
    assert.equal(v.status, 'manual')
    assert.match(v.message, /rolling release/)
  })

  it('names what the extended phase is', () => {
    const v = hostCheck(def, srv, os('ubuntu', '20.04'))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /until 2030-04-23 \(Expanded Security Maintenance/)
  })

  it('errors when the OS is unknown', () => {
    const v = hostCheck(def, srv, os(null, null))
    assert.equal(v.status, 'error')
    assert.match(v.message, /os\.distro is unknown/)
  })
})
