import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { server } from '../../inventory/testing.ts'
import type { UpdateSource } from '../../model/host-report.ts'
import def from './host-update-source-configured.ts'

const srv = server({ id: 'srv-1' })
const src = (o: Partial<UpdateSource> = {}): UpdateSource => ({
  id: null,
  uri: 'http://deb.debian.org/debian-security',
  suite: 'bookworm-security',
  enabled: true,
  signed: true,
  fetched: true,
  security: true,
  otcMirror: false,
  ...o,
})
const withSources = (sources: UpdateSource[] | null) => hostReport({ repos: { sources } })

describe(def.id, () => {
  it('passes with the OTC mirror and says so', () => {
    const v = hostCheck(def, srv, hostReport())
    assert.equal(v.status, 'pass')
    assert.match(v.message, /uses OTC's internal mirror/)
  })

  it('passes with a public signed source and notes the missing mirror', () => {
    const v = hostCheck(def, srv, withSources([src()]))
    assert.equal(v.status, 'pass')
    assert.match(v.message, /does not use OTC's internal mirrors/)
  })

  it('fails without a security source', () => {
    const v = hostCheck(def, srv, withSources([src({ security: false, suite: 'bookworm' })]))
    assert.equal(v.status, 'fail')
    assert.match(v.message, /no security update source/)
  })

  it('fails when the security source was never reached', () => {
    assert.equal(hostCheck(def, srv, withSources([src({ fetched: false })])).status, 'fail')
  })

  it('fails on unsigned sources', () => {
    const v = hostCheck(
      def,
      srv,
      withSources([
        src(),
        src({ uri: 'http://x.example/debian', suite: 'stable', security: false, signed: false }),
      ]),
    )
    assert.equal(v.status, 'fail')
    assert.match(v.message, /without signature checks: http:\/\/x\.example\/debian stable/)
  })

  it('errors when sources or their reachability are unknown', () => {
    assert.equal(hostCheck(def, srv, withSources(null)).status, 'error')
    assert.equal(hostCheck(def, srv, withSources([src({ fetched: null })])).status, 'error')
  })
})
