import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as fx from '../../clients/elb/fixtures.ts'
import { otcElbReplies } from '../../clients/elb/testing.ts'
import { elbListenerCollector } from '../../collectors/elb-listener.ts'
import { CTX, fakeService } from '../../collectors/testing.ts'
import { listener } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './elb-listener-tls-policy.ts'

describe(def.id, () => {
  it('passes TLS 1.2 and 1.3 only; fails when TLS 1.0 or 1.1 is admitted', () => {
    assert.equal(check(def, listener()).status, 'pass')
    assert.equal(check(def, listener({ tlsVersions: ['TLSv1.3', 'TLSv1.2'] })).status, 'pass')
    const r = check(def, listener({ tlsVersions: ['TLSv1.2', 'TLSv1.1'] }))
    assert.equal(r.status, 'fail')
    assert.match(r.message, /TLSv1\.1/)
  })

  it('does not apply to plain listeners or Octavia HTTPS passthrough; unknown versions are manual', () => {
    assert.equal(check(def, listener({ protocol: 'HTTP', port: 80 })).status, 'notApplicable')
    assert.equal(
      check(def, listener({ api: 'octavia', protocol: 'HTTPS' })).status,
      'notApplicable',
    )
    const old = listener({ api: 'octavia', protocol: 'TERMINATED_HTTPS', tlsVersions: null })
    assert.equal(check(def, old).status, 'manual')
  })

  // Held back: the documented samples' verdicts (the v3 listener sample uses tls-1-0, the
  // documented default, which admits TLS 1.0 and 1.1; the custom-policy sample does too).
  it('documented samples: the §3.3 listener (tls-1-0) fails, also through the §3.4 custom policy', async () => {
    const run = async (replies: Record<string, unknown>) =>
      (
        await elbListenerCollector.collect({
          ...CTX,
          client: async () => fakeService('elb', replies as never),
          shared: (_k, fn) => fn(),
          issue: () => {
            throw new Error('no issue expected')
          },
        })
      ).resources
    const otc = await run(otcElbReplies())
    const v3 = otc.find((l) => l.id === fx.listenersV3Sample.listeners[0]!.id)!
    assert.equal(check(def, v3).status, 'fail')
    const custom = fx.securityPoliciesSample.security_policies[0]!
    const withPolicy = await run({
      ...otcElbReplies(),
      ListListenersV3: [{ ...fx.listenersV3Sample.listeners[0], security_policy_id: custom.id }],
    })
    assert.equal(check(def, withPolicy[0]!).status, 'fail')
  })
})
