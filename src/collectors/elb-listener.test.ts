import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as fx from '../clients/elb/fixtures.ts'
import {
  notServed,
  octaviaReplies,
  otcElbReplies,
  swissElbReplies,
} from '../clients/elb/testing.ts'
import { httpError } from '../clients/testing/http-error.ts'
import { redirectsOf, resolveTls } from './_elb-tls.ts'
import { elbListenerCollector } from './elb-listener.ts'
import { CTX, fakeService } from './testing.ts'

const run = (replies: Record<string, unknown>) =>
  elbListenerCollector.collect({
    ...CTX,
    client: async () => fakeService('elb', replies as never),
    shared: (_k, fn) => fn(),
    issue: (err) => ({
      service: 'elb',
      resourceType: 'elb.listener',
      region: CTX.region,
      errorKind: 'forbidden',
      message: err instanceof Error ? err.message : String(err),
    }),
  })
const forbidden = (req: { op: string; path: string }) => httpError(req, 403, 'ELB.1002')
const V3_ID = fx.listenersV3Sample.listeners[0]!.id
const OCTAVIA_ID = fx.octaviaListenersSample.listeners[0]!.id

describe('elb.listener collection', () => {
  it('OTC: the v3 sample resolves tls-1-0 through the system-policy list; v2.0 keeps its policy', async () => {
    const out = await run(otcElbReplies())
    const v3 = out.resources.find((l) => l.id === V3_ID)!
    assert.deepEqual(v3.tlsVersions, ['TLSv1.2', 'TLSv1.1', 'TLSv1'])
    assert.equal(v3.tlsVersionsSource, 'system policy tls-1-0')
    assert.deepEqual(v3.certificateRefs, [
      'ad9b123e858d4652b80e89b9941e49a4',
      '7f41c96223d34ebaa3c8e836b6625ec0',
    ])
    const shared = out.resources.find((l) => l.id === OCTAVIA_ID)!
    assert.equal(shared.api, 'shared')
    assert.equal(shared.tlsVersionsSource, 'system policy tls-1-0', 'unset = tls-1-0')
    assert.deepEqual(shared.redirects, [
      {
        policyId: '8a1412f0-4c32-4257-8b07-af4770b604fd',
        action: 'REDIRECT_TO_URL',
        target: 'http://www.example.com',
        toHttps: false,
      },
    ])
    assert.deepEqual(out.issues, [])
  })

  it('a custom security policy wins over tls_ciphers_policy', async () => {
    const custom = fx.securityPoliciesSample.security_policies[0]!
    const out = await run({
      ...swissElbReplies(),
      ListListenersV3: [{ ...fx.listenersV3Sample.listeners[0], security_policy_id: custom.id }],
    })
    assert.deepEqual(out.resources[0]?.tlsVersions, ['TLSv1', 'TLSv1.1', 'TLSv1.2'])
    assert.equal(out.resources[0]?.tlsVersionsSource, 'custom policy legacy-clients')
  })

  it('Swiss: no policy APIs (404) falls back to the documented table, no issue', async () => {
    const out = await run({
      ...swissElbReplies(),
      ListSecurityPolicies: notServed,
      ListSystemSecurityPolicies: notServed,
    })
    assert.equal(out.resources[0]?.tlsVersionsSource, 'system policy tls-1-0 (as documented)')
    assert.deepEqual(out.issues, [])
  })

  it('Octavia: tls_versions where the API has it, unknown where not', async () => {
    const out = await run(octaviaReplies())
    assert.equal(out.resources[0]?.api, 'octavia')
    assert.equal(out.resources[0]?.tlsVersions, null)
    assert.match(out.resources[0]?.tlsVersionsSource ?? '', /tls_versions/)
    const newer = await run({
      ...octaviaReplies(),
      ListListenersV2: [{ ...fx.octaviaListenersSample.listeners[0], tls_versions: ['TLSv1.2'] }],
    })
    assert.deepEqual(newer.resources[0]?.tlsVersions, ['TLSv1.2'])
  })

  it('unreadable policies leave the fields unknown and are issues', async () => {
    const out = await run({
      ...swissElbReplies(),
      ListListenersV3: [{ ...fx.listenersV3Sample.listeners[0], security_policy_id: 'sp-1' }],
      ListSecurityPolicies: forbidden,
      ListL7PoliciesV3: forbidden,
    })
    assert.equal(out.resources[0]?.tlsVersions, null)
    assert.equal(out.resources[0]?.redirects, null)
    assert.deepEqual(
      out.issues?.map((i) => i.message.split(':')[0]),
      ['L7 policies (v3)', 'custom security policies (v3)'],
    )
  })

  it('redirects: to an HTTPS listener, to an https URL or prefix; disabled ones do not count', () => {
    const proto = (id: string) => ({ l443: 'HTTPS', l80: 'HTTP' })[id]
    const base = { listener_id: 'l80', admin_state_up: true }
    const r = redirectsOf(
      [
        { ...base, id: 'a', action: 'REDIRECT_TO_LISTENER', redirect_listener_id: 'l443' },
        { ...base, id: 'b', action: 'REDIRECT_PREFIX', redirect_prefix: 'https://x.example' },
        { ...base, id: 'c', action: 'REDIRECT_TO_URL', redirect_url_config: { protocol: 'HTTPS' } },
        { ...base, id: 'd', action: 'REDIRECT_TO_POOL', redirect_pool_id: 'p' },
        {
          ...base,
          id: 'e',
          action: 'REDIRECT_TO_URL',
          redirect_url: 'https://y',
          admin_state_up: false,
        },
      ],
      proto,
    )
    assert.deepEqual(
      r.map((x) => [x.policyId, x.toHttps]),
      [
        ['a', true],
        ['b', true],
        ['c', true],
      ],
    )
  })

  it('resolveTls: listeners that do not terminate TLS have no versions', () => {
    const none = { custom: new Map(), system: new Map() }
    for (const [api, protocol] of [
      ['dedicated', 'HTTP'],
      ['octavia', 'HTTPS'],
    ] as const)
      assert.equal(
        resolveTls({ api, protocol, tlsPolicy: null, securityPolicyId: null }, none).versions,
        null,
      )
  })
})
