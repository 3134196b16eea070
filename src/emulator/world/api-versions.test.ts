import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InputError } from '../../model/input-error.ts'
import { defaultVersions, servedVersions, serves } from './api-versions.ts'
import { worldFromData } from './load.ts'

const base = {
  name: 't',
  domain: { name: 'OTC00000000001000000042' },
  projects: [{ name: 'eu-de' }, { name: 'eu-ch2' }],
}

describe('world apiVersions', () => {
  it('defaults to every version on OTC and to Cinder v3 alone on a plain OpenStack', () => {
    const otc = worldFromData(base)
    assert.deepEqual(otc.apiVersions.default, defaultVersions('otc'))
    assert.ok(serves(otc.apiVersions, 'eu-ch2', 'ces', 'v2'))
    const os = worldFromData({ ...base, cloud: 'openstack', projects: [{ name: 'demo' }] })
    assert.deepEqual(servedVersions(os.apiVersions, 'RegionOne').volume, ['v3'])
    assert.ok(serves(os.apiVersions, 'RegionOne', 'compute', 'v2.1'), 'unversioned: served')
  })

  it('sets versions for every region and per region', () => {
    const w = worldFromData({
      ...base,
      apiVersions: { volume: ['v2'] },
      regions: { 'eu-ch2': { apiVersions: { ces: ['v1'], cts: ['v1'], elb: ['v3'] } } },
    })
    assert.deepEqual(servedVersions(w.apiVersions, 'eu-de'), {
      compute: ['v2', 'v2.1'],
      ces: ['v1', 'v2'],
      cts: ['v1', 'v3'],
      volume: ['v2'],
      elb: ['v2.0', 'v3'],
    })
    assert.deepEqual(servedVersions(w.apiVersions, 'eu-ch2'), {
      compute: ['v2', 'v2.1'],
      ces: ['v1'],
      cts: ['v1'],
      volume: ['v2'],
      elb: ['v3'],
    })
    assert.equal(serves(w.apiVersions, 'eu-ch2', 'elb', 'v2.0'), false)
    assert.equal(serves(w.apiVersions, 'eu-ch2', 'ces', 'v2'), false)
    assert.equal(serves(w.apiVersions, 'eu-de', 'ces', 'v2'), true)
  })

  it('names the path and what was expected for a bad setting', () => {
    const bad = (data: object) => {
      try {
        worldFromData({ ...base, ...data }, { file: 'w.yaml' })
      } catch (err) {
        assert.ok(err instanceof InputError)
        return err.issues.map((i) => `${i.path}: ${i.message}`)
      }
      assert.fail('expected an InputError')
    }
    assert.match(bad({ apiVersions: { ces: ['v3'] } })[0]!, /^apiVersions\.ces\[0\]: .*"v1"\|"v2"/)
    assert.match(bad({ apiVersions: { cts: [] } })[0]!, /^apiVersions\.cts: expected at least one/)
    assert.match(bad({ apiVersions: { volume: ['v2', 'v2'] } })[0]!, /each version once/)
    assert.match(bad({ apiVersions: { dns: ['v2'] } })[0]!, /dns/)
    assert.match(
      bad({ regions: { 'eu-nl': { apiVersions: { ces: ['v1'] } } } })[0]!,
      /^regions\.eu-nl: no project is in region "eu-nl"; expected one of: "eu-de", "eu-ch2"/,
    )
  })
})
