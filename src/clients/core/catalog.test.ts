import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE, entry, otcCatalog, PID } from './_test-kit.ts'
import {
  CATALOG_TYPES,
  catalogTypesIn,
  type EndpointQuery,
  IAM_NOT_OTC,
  isOtcCatalog,
  resolveEndpoint,
  serviceRoot,
} from './catalog.ts'
import { ServiceUnavailableError } from './errors.ts'
import type { ServiceKey } from './types.ts'

const q = (key: ServiceKey, over: Partial<EndpointQuery> = {}): EndpointQuery => ({
  key,
  catalog: otcCatalog(),
  region: 'eu-de',
  interface: 'public',
  projectId: PID,
  overrides: {},
  authUrl: `${BASE}/v3`,
  ...over,
})

describe('serviceRoot', () => {
  const cases: [string, string][] = [
    [`https://ecs.eu-de.otc.t-systems.com/v2.1/${PID}`, 'https://ecs.eu-de.otc.t-systems.com'],
    [`https://ces.eu-de.otc.t-systems.com/V1.0/${PID}`, 'https://ces.eu-de.otc.t-systems.com'],
    ['https://ces.eu-de.otc.t-systems.com/V1.0/', 'https://ces.eu-de.otc.t-systems.com'],
    ['https://iam.eu-de.otc.t-systems.com:443/v3', 'https://iam.eu-de.otc.t-systems.com'],
    ['http://127.0.0.1:8774/v2.1/$(tenant_id)s', 'http://127.0.0.1:8774'],
    ['http://127.0.0.1:8776/v3/%(project_id)s', 'http://127.0.0.1:8776'],
    ['http://127.0.0.1:9000/ecs/v1/{project_id}', 'http://127.0.0.1:9000/ecs'],
    ['http://devstack/compute/v2.1', 'http://devstack/compute'],
    ['http://devstack/identity', 'http://devstack/identity'],
    ['https://vpc.eu-de.otc.t-systems.com', 'https://vpc.eu-de.otc.t-systems.com'],
    ['https://x.example/v2.0/other-project-id', 'https://x.example/v2.0/other-project-id'],
    // CCE: gopher's bare host, and pyotc's resource base `api/v3/projects/%(project_id)s`.
    ['https://cce.eu-de.otc.t-systems.com/', 'https://cce.eu-de.otc.t-systems.com'],
    [
      'https://cce.eu-de.otc.t-systems.com/api/v3/projects/%(project_id)s',
      'https://cce.eu-de.otc.t-systems.com',
    ],
    [`http://127.0.0.1:9000/cce/api/v3/projects/${PID}`, 'http://127.0.0.1:9000/cce'],
  ]
  for (const [url, root] of cases) it(url, () => assert.equal(serviceRoot(url, PID), root))
})

describe('resolveEndpoint', () => {
  it('finds each key under its aliases and strips to the root', () => {
    assert.deepEqual(resolveEndpoint(q('compute')), {
      url: 'https://ecs.eu-de.otc.t-systems.com',
      source: 'catalog',
      type: 'compute',
      region: 'eu-de',
    })
    assert.equal(resolveEndpoint(q('volume')).type, 'volumev2')
    assert.equal(resolveEndpoint(q('volume')).url, 'https://evs.eu-de.otc.t-systems.com')
    assert.equal(resolveEndpoint(q('ces')).type, 'cesv1')
    assert.equal(resolveEndpoint(q('cts')).type, 'cts')
    assert.equal(resolveEndpoint(q('rds')).type, 'rdsv3')
    assert.equal(resolveEndpoint(q('iam')).url, BASE)
    assert.equal(resolveEndpoint(q('identity')).url, BASE)
  })
  it('prefers the first alias present (volumev3 over volumev2)', () => {
    const catalog = [
      ...otcCatalog(),
      entry('volumev3', { 'eu-de': `https://evs3.example/v3/${PID}` }),
    ]
    assert.equal(resolveEndpoint(q('volume', { catalog })).url, 'https://evs3.example')
  })
  it('finds Cloud Eye and CTS under every name a catalog gives them, derives them last', () => {
    const only = (type: string, url: string) => [
      ...otcCatalog().filter((e) => !['cesv1', 'cts'].includes(e.type)),
      entry(type, { 'eu-de': url }),
    ]
    for (const [key, type, url] of [
      ['ces', 'ces', 'https://ces.eu-de.otc.t-systems.com/V1.0/'],
      ['ces', 'cesv2', `https://ces.eu-de.otc.t-systems.com/v2/${PID}`],
      ['cts', 'ctsv3', `https://cts.eu-de.otc.t-systems.com/v3/${PID}`],
      ['cts', 'ctsv2', `https://cts.eu-de.otc.t-systems.com/v2.0/${PID}`],
    ] as const) {
      const ep = resolveEndpoint(q(key, { catalog: only(type, url) }))
      assert.deepEqual([ep.source, ep.type], ['catalog', type], type)
      assert.equal(ep.url, `https://${key}.eu-de.otc.t-systems.com`)
    }
    const none = otcCatalog().filter((e) => e.type !== 'cts')
    assert.deepEqual(resolveEndpoint(q('cts', { catalog: none })), {
      url: 'https://cts.eu-de.otc.t-systems.com',
      source: 'derived',
      region: 'eu-de',
    })
  })
  it('picks the configured region and interface', () => {
    const catalog = [
      {
        type: 'compute',
        endpoints: [
          { interface: 'internal', region_id: 'eu-de', url: 'http://internal.example/v2.1' },
          { interface: 'public', region_id: 'eu-nl', url: 'https://nl.example/v2.1' },
          { interface: 'public', region_id: 'eu-de', url: 'https://de.example/v2.1' },
        ],
      },
    ]
    assert.equal(resolveEndpoint(q('compute', { catalog })).url, 'https://de.example')
    assert.equal(
      resolveEndpoint(q('compute', { catalog, region: 'eu-nl' })).url,
      'https://nl.example',
    )
    assert.equal(
      resolveEndpoint(q('compute', { catalog, interface: 'internal' })).url,
      'http://internal.example',
    )
    assert.equal(
      resolveEndpoint(q('compute', { catalog, region: undefined })).url,
      'https://nl.example',
    )
  })
  it('accepts the legacy publicURL interface spelling and region-less (*) endpoints', () => {
    const catalog = [entry('identity', { '*': 'https://iam.example/v3' })]
    catalog[0]!.endpoints[0]!.interface = 'publicURL'
    assert.equal(resolveEndpoint(q('identity', { catalog })).url, 'https://iam.example')
  })
  it('an endpoint override wins, by key or catalog type, and is stripped to its root', () => {
    assert.deepEqual(
      resolveEndpoint(
        q('compute', { overrides: { compute: 'http://127.0.0.1:8774/v2.1/%(project_id)s' } }),
      ),
      { url: 'http://127.0.0.1:8774', source: 'override', type: 'compute' },
    )
    assert.equal(
      resolveEndpoint(q('volume', { overrides: { block_storage: 'http://127.0.0.1:8776/v3' } }))
        .url,
      'http://127.0.0.1:8776',
    )
  })
  it('unknown region: names the regions the catalog has', () => {
    assert.throws(
      () => resolveEndpoint(q('compute', { region: 'eu-nl' })),
      (e: ServiceUnavailableError) => {
        assert.ok(e instanceof ServiceUnavailableError)
        assert.match(
          e.message,
          /no endpoint for service compute in region eu-nl; regions in the catalog: eu-de/,
        )
        return true
      },
    )
  })
  it('missing service: names the catalog types looked for', () => {
    const catalog = otcCatalog().filter((c) => c.type !== 'rdsv3')
    assert.throws(
      () => resolveEndpoint(q('rds', { catalog })),
      (e: ServiceUnavailableError) => {
        assert.equal(e.kind, 'not_found')
        assert.deepEqual(e.catalogTypes, ['rdsv3', 'rds'])
        assert.match(
          e.message,
          /service rds is not in the service catalog \(looked for types: rdsv3, rds\)/,
        )
        return true
      },
    )
  })
  it('derives cts/ces from an OTC host of the same region when the catalog lacks them', () => {
    const catalog = otcCatalog().filter((c) => c.type !== 'cts')
    assert.deepEqual(resolveEndpoint(q('cts', { catalog })), {
      url: 'https://cts.eu-de.otc.t-systems.com',
      source: 'derived',
      region: 'eu-de',
    })
    const swiss = [entry('compute', { 'eu-ch2': 'https://ecs.eu-ch2.sc.otc.t-systems.com/v2.1' })]
    assert.equal(
      resolveEndpoint(q('ces', { catalog: swiss, region: 'eu-ch2' })).url,
      'https://ces.eu-ch2.sc.otc.t-systems.com',
    )
  })
  it('does not derive on clouds whose hosts do not follow the OTC pattern', () => {
    const devstack = [entry('compute', { RegionOne: 'http://127.0.0.1:8774/v2.1' })]
    assert.throws(
      () => resolveEndpoint(q('cts', { catalog: devstack, region: 'RegionOne' })),
      ServiceUnavailableError,
    )
  })
  it('identity falls back to the auth URL; so does iam on an OTC catalog', () => {
    assert.deepEqual(resolveEndpoint(q('identity', { catalog: [] })), {
      url: BASE,
      source: 'auth_url',
      region: 'eu-de',
    })
    const noIdentity = otcCatalog().filter((c) => c.type !== 'identity')
    assert.deepEqual(resolveEndpoint(q('iam', { catalog: noIdentity })), {
      url: BASE,
      source: 'auth_url',
      region: 'eu-de',
    })
  })
})

/** The catalog of the devcloud (OpenStack Zed, test/openstack) as `openstack catalog list` shows it. */
function zedCatalog() {
  const at = (port: number, path = '') => ({ RegionOne: `http://127.0.0.1:${port}${path}` })
  return [
    entry('identity', at(5000, '/v3')),
    entry('compute', at(8774, `/v2.1/${PID}`)),
    entry('image', at(9292)),
    entry('network', at(9696)),
    entry('block-storage', at(8776, `/v3/${PID}`)),
    entry('volumev3', at(8776, `/v3/${PID}`)),
    entry('placement', at(8778)),
  ]
}

describe('iam (OTC /v3.0 extensions) on plain OpenStack', () => {
  const zed = (over: Partial<EndpointQuery> = {}) =>
    q('iam', {
      catalog: zedCatalog(),
      region: 'RegionOne',
      authUrl: 'http://127.0.0.1:5000/v3',
      ...over,
    })
  it('is unavailable when the catalog lists no OTC-only type, with the reason', () => {
    assert.equal(isOtcCatalog(zedCatalog()), false)
    assert.throws(
      () => resolveEndpoint(zed()),
      (e: ServiceUnavailableError) => {
        assert.ok(e instanceof ServiceUnavailableError)
        assert.equal(e.serviceKey, 'iam')
        assert.equal(e.reason, IAM_NOT_OTC)
        assert.match(e.message, /^not evaluable on this cloud: the IAM extension API .* is OTC's/)
        assert.doesNotMatch(e.message, /credentials/)
        return true
      },
    )
    // identity itself is there.
    assert.equal(resolveEndpoint({ ...zed(), key: 'identity' }).url, 'http://127.0.0.1:5000')
  })
  it('any OTC-only catalog type makes it available', () => {
    for (const type of ['ecs', 'vpc', 'evs', 'cbr', 'rdsv3', 'cesv1', 'cts']) {
      const catalog = [...zedCatalog(), entry(type, { RegionOne: 'http://127.0.0.1:1/v1' })]
      assert.equal(isOtcCatalog(catalog), true, type)
      assert.equal(resolveEndpoint(zed({ catalog })).url, 'http://127.0.0.1:5000', type)
    }
    for (const catalog of [otcCatalog(), [entry('volumev2', {})]])
      assert.equal(isOtcCatalog(catalog), catalog.length > 1)
  })
  it('iam_endpoint_override makes it available; identity_endpoint_override does not', () => {
    assert.deepEqual(resolveEndpoint(zed({ overrides: { iam: 'https://iam.example/v3' } })), {
      url: 'https://iam.example',
      source: 'override',
      type: 'iam',
    })
    assert.throws(
      () => resolveEndpoint(zed({ overrides: { identity: 'http://127.0.0.1:5000/v3' } })),
      ServiceUnavailableError,
    )
  })
  it('AK/SK signing (OTC only) makes it available whatever the catalog', () => {
    assert.equal(resolveEndpoint(zed({ catalog: [], otcAuth: true })).url, 'http://127.0.0.1:5000')
  })
})

describe(catalogTypesIn.name, () => {
  it('lists the types of a service the catalog has for the region, in preference order', () => {
    const catalog = [
      ...otcCatalog(),
      entry('volumev3', { 'eu-de': `https://evs.eu-de.otc.t-systems.com/v3/${PID}` }),
      entry('evs', { 'eu-nl': `https://evs.eu-nl.otc.t-systems.com/v2/${PID}` }),
    ]
    assert.deepEqual(catalogTypesIn(catalog, CATALOG_TYPES.volume, 'public', 'eu-de'), [
      'volumev3',
      'volumev2',
    ])
    assert.deepEqual(catalogTypesIn(catalog, CATALOG_TYPES.volume, 'public', 'eu-nl'), ['evs'])
    assert.deepEqual(catalogTypesIn(catalog, CATALOG_TYPES.ces, 'internal', 'eu-de'), [])
  })
})
