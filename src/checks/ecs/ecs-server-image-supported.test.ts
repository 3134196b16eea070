import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { image, issue, server, volume } from '../../inventory/testing.ts'
import { check } from '../testing.ts'
import def from './ecs-server-image-supported.ts'

const ubuntu24 = image({ id: 'img-24', osVersion: 'Ubuntu 24.04 server 64bit' })
const centos7 = image({
  id: 'img-c7',
  name: 'Standard_CentOS_7_latest',
  osVersion: 'CentOS 7.9 64bit',
})

describe(def.id, () => {
  it('passes for a supported release', () => {
    const v = check(def, server({ imageId: 'img-24' }), [ubuntu24])
    assert.equal(v.status, 'pass')
    assert.match(v.message, /Ubuntu 24\.04, supported until 2029-05-31/)
  })

  it('fails for a release past its end of life', () => {
    const v = check(def, server({ imageId: 'img-c7' }), [centos7])
    assert.equal(v.status, 'fail')
    assert.deepEqual(v.status === 'fail' && [v.evidence.distro, v.evidence.eol], [
      'centos',
      '2024-06-30',
    ])
  })

  it("reads plain OpenStack images: Glance's os_distro/os_version, else the name", () => {
    const glance = image({
      id: 'img-u18',
      name: 'ubuntu-18.04',
      osVersion: null,
      platform: null,
      osDistro: 'ubuntu',
      osDistroVersion: '18.04',
    })
    const named = image({
      id: 'img-gc7',
      name: 'CentOS-7-x86_64-GenericCloud',
      osVersion: null,
      platform: null,
    })
    for (const im of [glance, named]) {
      const v = check(def, server({ imageId: im.id }), [im])
      assert.equal(v.status, 'fail', v.message)
    }
    const disk = volume({
      id: 'v2',
      bootable: true,
      imageMetadata: {
        imageId: 'gone',
        imageName: null,
        osVersion: null,
        osDistro: 'ubuntu',
        osDistroVersion: '24.04',
      },
    })
    assert.equal(check(def, server({ imageId: null, volumeIds: ['v2'] }), [disk]).status, 'pass')
  })

  it('reads the system disk of a server booted from a volume', () => {
    const disk = volume({
      id: 'v1',
      bootable: true,
      imageMetadata: { imageId: 'gone', imageName: null, osVersion: 'Ubuntu 20.04 server 64bit' },
    })
    const v = check(def, server({ imageId: null, volumeIds: ['v1'] }), [disk])
    assert.equal(v.status, 'fail') // 20.04 standard support ended 2025-05-29
    assert.equal(v.status === 'fail' && v.evidence.source, 'system-disk')
  })

  it('counts extended support when configured', () => {
    const deb11 = image({
      id: 'img-d11',
      name: 'Standard_Debian_11_latest',
      osVersion: 'Debian GNU/Linux 11.9.0 64bit',
    })
    const s = server({ imageId: 'img-d11' })
    assert.equal(check(def, s, [deb11]).status, 'fail')
    assert.equal(
      check(def, s, [deb11], { settings: { osSupportPhase: 'extended' } }).status,
      'pass',
    )
  })

  it('asks for a person when the OS or its end of life is unknown', () => {
    assert.equal(check(def, server({ imageId: null, imageName: null })).status, 'manual')
    const euler = image({
      id: 'img-e',
      name: 'Standard_EulerOS_2.9_latest',
      osVersion: 'EulerOS 2.9 64bit',
    })
    assert.equal(check(def, server({ imageId: 'img-e' }), [euler]).status, 'manual')
  })

  it('falls back to the image name in the server metadata', () => {
    const v = check(def, server({ imageId: 'hidden', imageName: 'Standard_Ubuntu_16.04_latest' }))
    assert.equal(v.status, 'fail')
  })

  it('errors when images could not be listed', () => {
    const v = check(def, server({ imageId: 'img-24' }), [ubuntu24], {
      issues: [issue('ims.image')],
    })
    assert.equal(v.status, 'error')
  })

  it('needs the volumes only for a server booted from a volume', () => {
    const volumesFailed = { issues: [issue('evs.volume')] }
    // Booted from an image: unreadable volumes do not matter.
    assert.equal(check(def, server({ imageId: 'img-c7' }), [centos7], volumesFailed).status, 'fail')
    // Booted from a volume: its image is only on the volume.
    const v = check(def, server({ imageId: null, volumeIds: ['v1'] }), [], volumesFailed)
    assert.equal(v.status, 'error')
    assert.deepEqual(v.status === 'error' && v.missing, ['evs.volume'])
    assert.match(v.message, /evs\.volume .*403 Forbidden.*boots from a volume/)
    const none = check(def, server({ imageId: null }), [], {
      unavailable: [{ resourceType: 'evs.volume', service: 'evs', reason: 'not in the catalog' }],
    })
    assert.equal(none.status, 'error')
    assert.match(none.message, /no volume service/)
  })
})
