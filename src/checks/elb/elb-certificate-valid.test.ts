import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as fx from '../../clients/elb/fixtures.ts'
import { LbaasCertificateWire } from '../../clients/elb/lbaas-schemas.ts'
import { CertificateV3Wire } from '../../clients/elb/schemas.ts'
import { toElbCertificate } from '../../collectors/elb-certificate.ts'
import { elbCertificate } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './elb-certificate-valid.ts'

const CTX = { region: 'eu-de', projectId: 'p-1' }

describe(def.id, () => {
  it('passes far from expiry; fails when expired or inside the window (a setting)', () => {
    assert.equal(check(def, elbCertificate()).status, 'pass')
    assert.equal(check(def, elbCertificate({ expiresAt: '2026-05-01T00:00:00Z' })).status, 'fail')
    const soon = elbCertificate({ expiresAt: '2026-06-20T12:00:00Z' })
    const r = check(def, soon)
    assert.equal(r.status, 'fail')
    assert.equal(r.status === 'fail' && r.evidence.daysLeft, 19)
    assert.equal(
      check(def, soon, [], { settings: { elbCertificateExpiryDays: 14 } }).status,
      'pass',
    )
  })

  it('an unknown expiry is for a person to check', () => {
    assert.equal(check(def, elbCertificate({ expiresAt: null })).status, 'manual')
  })

  // Held back: the verdicts the documented sample bodies must get, whatever the emulator sends.
  it('documented samples: v3 (2045) and v2 example 1 (2045) pass, v2 example 2 (2019) fails', () => {
    const table: [unknown, 'dedicated' | 'shared', string][] = [
      [CertificateV3Wire.parse(fx.certificatesV3Sample.certificates[0]), 'dedicated', 'pass'],
      [LbaasCertificateWire.parse(fx.certificatesV2Sample.certificates[0]), 'shared', 'pass'],
      [LbaasCertificateWire.parse(fx.certificatesV2Sample.certificates[1]), 'shared', 'fail'],
    ]
    for (const [wire, api, want] of table) {
      const c = toElbCertificate(wire as CertificateV3Wire, api, CTX)
      assert.equal(check(def, c).status, want, c.name)
    }
  })
})
