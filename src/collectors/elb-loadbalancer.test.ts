import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as fx from '../clients/elb/fixtures.ts'
import { LoadbalancerV3Wire } from '../clients/elb/schemas.ts'
import {
  notServed,
  octaviaReplies,
  otcElbReplies,
  swissElbReplies,
} from '../clients/elb/testing.ts'
import { httpError } from '../clients/testing/http-error.ts'
import { elbLoadBalancerCollector, toElbLoadBalancerV3 } from './elb-loadbalancer.ts'
import { CTX, fakeService } from './testing.ts'

const run = (replies: Record<string, unknown>) =>
  elbLoadBalancerCollector.collect({
    ...CTX,
    client: async () => fakeService('elb', replies as never),
    shared: (_k, fn) => fn(),
    issue: (err) => ({
      service: 'elb',
      resourceType: 'elb.loadbalancer',
      region: CTX.region,
      errorKind: 'forbidden',
      message: err instanceof Error ? err.message : String(err),
    }),
  })

describe('elb.loadbalancer collection', () => {
  it('maps the documented v3 sample: dedicated, its EIP and its synonym counted once', () => {
    const lb = toElbLoadBalancerV3(
      LoadbalancerV3Wire.parse(fx.loadbalancersV3Sample.loadbalancers[0]),
      CTX,
    )
    assert.equal(lb.api, 'dedicated')
    assert.deepEqual(lb.publicIps, ['97.97.2.171'])
    assert.deepEqual(lb.listenerIds, ['0ae21c37-8b90-4e73-8a35-eedde6d2538c'])
    const ipv6 = LoadbalancerV3Wire.parse({
      ...fx.loadbalancersV3Sample.loadbalancers[0],
      eips: [],
      publicips: [],
      guaranteed: false,
      ipv6_vip_address: '2001:db8::5',
      ipv6_bandwidth: { id: 'bw-1' },
    })
    const six = toElbLoadBalancerV3(ipv6, CTX)
    assert.deepEqual(six.publicIps, ['2001:db8::5'], 'an IPv6 address with a bandwidth is public')
    assert.equal(six.api, 'shared', 'guaranteed: false')
  })

  it('OTC: v3 and the shared v2.0 family, each item once', async () => {
    const out = await run(otcElbReplies())
    assert.deepEqual(
      out.resources.map((r) => [r.api, r.id]),
      [
        ['dedicated', 'cce5318e-c79a-4f68-94a2-9fb285c6efbe'],
        ['shared', '607226db-27ef-4d41-ae89-f2a800e9c2db'],
      ],
    )
    assert.equal(out.resources[1]?.vipPortId, 'b4ca07d1-a31e-43e2-891a-7d14f419f342')
    assert.equal(out.apiVersion, 'v2.0+v3')
    assert.deepEqual(out.issues, [])
  })

  it('Swiss (v3 only) and Octavia (/v2, or /v2.0 on older releases)', async () => {
    assert.equal((await run(swissElbReplies())).apiVersion, 'v3')
    for (const old of [false, true]) {
      const out = await run(octaviaReplies(old))
      assert.equal(out.apiVersion, old ? 'v2.0' : 'v2')
      assert.deepEqual(
        out.resources.map((r) => r.api),
        ['octavia'],
      )
    }
  })

  it('a family that fails is an issue, the other one still counts; nothing served is an error', async () => {
    const out = await run({
      ...otcElbReplies(),
      ListLoadbalancersV20: (req: { op: string; path: string }) => httpError(req, 403, 'ELB.1002'),
    })
    assert.equal(out.resources.length, 1)
    assert.equal(out.issues?.length, 1)
    assert.match(out.issues?.[0]?.message ?? '', /load balancers \(v2\.0\)/)
    await assert.rejects(
      run({
        ListLoadbalancersV3: notServed,
        ListLoadbalancersV20: notServed,
        ListLoadbalancersV2: notServed,
      }),
      /no API version Sphere reads is served here/,
    )
  })
})
