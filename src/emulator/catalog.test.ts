import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildCatalog } from './catalog.ts'
import type { Project } from './world/model.ts'

const project: Project = {
  id: 'p1',
  name: 'eu-ch2',
  region: 'eu-ch2',
  regions: ['eu-ch2'],
  description: '',
}
const urls = (c: ReturnType<typeof buildCatalog>) =>
  Object.fromEntries(c.map((e) => [e.type, e.endpoints[0]?.url]))

describe(buildCatalog.name, () => {
  it('lists every version on OTC by default, with OTC type names and no CES v2 / CTS v3', () => {
    const u = urls(buildCatalog('http://x', project))
    assert.equal(u.compute, 'http://x/compute/v2.1/p1')
    assert.equal(u.volumev2, 'http://x/volume/v2/p1')
    assert.equal(u.volumev3, 'http://x/volume/v3/p1')
    assert.equal(u.evs, 'http://x/volume/v2/p1')
    assert.equal(u.ces, 'http://x/ces/V1.0/')
    assert.equal(u.cesv1, 'http://x/ces/V1.0/p1')
    assert.equal(u.cts, 'http://x/cts/v1.0/p1')
    assert.equal(u.cesv2, undefined)
    assert.equal(u.ctsv3, undefined)
  })

  it('leaves out what the region does not serve', () => {
    const older = urls(
      buildCatalog('http://x', project, 'otc', {
        compute: ['v2'],
        ces: ['v1'],
        cts: ['v1'],
        volume: ['v2'],
        elb: ['v3'],
      }),
    )
    assert.equal(older.compute, 'http://x/compute/v2/p1')
    assert.equal(older.volumev3, undefined)
    const newer = urls(
      buildCatalog('http://x', project, 'otc', {
        compute: ['v2.1'],
        ces: ['v2'],
        cts: ['v3'],
        volume: ['v3'],
        elb: ['v3'],
      }),
    )
    assert.deepEqual(
      [newer.cesv2, newer.ctsv3, newer.ces, newer.cesv1, newer.cts, newer.volumev2, newer.evs],
      [
        'http://x/ces/v2/p1',
        'http://x/cts/v3/p1',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ],
    )
  })

  it('gives a plain OpenStack block-storage and volumev3, volumev2 only when served', () => {
    const plain = buildCatalog('http://x', project, 'openstack').map((c) => c.type)
    assert.deepEqual(plain, [
      'compute',
      'image',
      'network',
      'block-storage',
      'volumev3',
      'load-balancer',
      'identity',
    ])
  })

  it('names ELB as OTC does (elbv3, elb) and Octavia as load-balancer, per version served', () => {
    const otc = urls(buildCatalog('http://x', project))
    assert.equal(otc.elbv3, 'http://x/elb/v3/p1')
    assert.equal(otc.elb, 'http://x/elb/v1.0/p1')
    const swiss = urls(
      buildCatalog('http://x', project, 'otc', {
        compute: ['v2.1'],
        ces: ['v1'],
        cts: ['v1'],
        volume: ['v2'],
        elb: ['v3'],
      }),
    )
    assert.equal(swiss.elb, undefined)
    assert.equal(
      urls(buildCatalog('http://x', project, 'openstack'))['load-balancer'],
      'http://x/elb',
    )
  })

  it('builds a catalog with only identity when no project is given', () => {
    assert.deepEqual(
      buildCatalog('http://x', undefined).map((c) => c.type),
      ['identity'],
    )
  })

  it('leaves out every catalog type of a missing service, and only those', () => {
    const all = buildCatalog('http://x', project).map((c) => c.type)
    const without = buildCatalog('http://x', project, 'otc', undefined, ['cts', 'volume', 'ces'])
    assert.deepEqual(
      without.map((c) => c.type),
      all.filter((t) => !['cts', 'volumev2', 'volumev3', 'evs', 'ces', 'cesv1'].includes(t)),
    )
    const newer = buildCatalog(
      'http://x',
      project,
      'otc',
      { compute: ['v2.1'], ces: ['v2'], cts: ['v3'], volume: ['v3'], elb: ['v3'] },
      ['cts', 'ces'],
    ).map((c) => c.type)
    assert.ok(!newer.includes('ctsv3') && !newer.includes('cesv2'))
    const plain = buildCatalog('http://x', project, 'openstack', undefined, ['volume', 'image'])
    assert.deepEqual(
      plain.map((c) => c.type),
      ['compute', 'network', 'load-balancer', 'identity'],
    )
    assert.ok(
      without.some((c) => c.type === 'identity'),
      'identity is never missing',
    )
  })
})
