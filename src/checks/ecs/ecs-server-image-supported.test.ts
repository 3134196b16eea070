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
      name: 'Standard_EulerOS_2.5_latest',
      osVersion: 'EulerOS 2.5 64bit',
    })
    assert.equal(check(def, server({ imageId: 'img-e' }), [euler]).status, 'manual')
  })

  it('falls back to the image name in the server metadata', () => {
    const v = check(def, server({ imageId: 'hidden', imageName: 'Standard_Ubuntu_16.04_latest' }))
    assert.equal(v.status, 'fail')
  })

  it('passes Windows Server 2025 and fails end-of-life Windows Server 2012 R2 and Ubuntu 18.04', () => {
    const w2025 = image({
      id: 'img-w25',
      name: 'Standard_Windows_Server_2025_Datacenter_latest',
      osVersion: 'Windows Server 2025 Datacenter 64bit',
      platform: 'Windows',
    })
    const v = check(def, server({ imageId: 'img-w25', osType: 'Windows' }), [w2025])
    assert.equal(v.status, 'pass', v.message)
    assert.match(v.message, /Microsoft Windows Server 2025, supported until 2034-11-14/)
    const w2012 = image({
      id: 'img-w12',
      name: 'Enterprise_Windows_STD_2012R2_20170316-0',
      osVersion: 'Windows Server 2012 R2 Standard 64bit',
      platform: 'Windows',
    })
    const old = check(def, server({ imageId: 'img-w12' }), [w2012])
    assert.equal(old.status, 'fail')
    assert.match(
      old.message,
      /Windows Server 2012 R2, past its end of standard support on 2023-10-10/,
    )
    const u18 = image({ id: 'img-u18', name: 'Standard_Ubuntu_18.04_latest', osVersion: null })
    const bionic = check(def, server({ imageId: 'img-u18' }), [u18], {
      settings: { osSupportPhase: 'extended' },
    })
    assert.equal(bionic.status, 'pass') // ESM runs to 2028: only with extended support accepted
    assert.equal(check(def, server({ imageId: 'img-u18' }), [u18]).status, 'fail')
  })

  it('judges Windows by its security updates: Extended Support counts, paid ESU only when accepted', () => {
    // Only the name is left when the image is hidden: the server's image_name metadata.
    const s = server({ imageId: 'hidden', imageName: 'Enterprise_Windows_STD_2019_CORE_KVM' })
    const v = check(def, s) // past mainstream (2024-01-09), security updates until 2029-01-09
    assert.equal(v.status, 'pass', v.message)
    assert.equal(v.status === 'pass' && v.evidence?.source, 'server-metadata')
    const w12 = server({ imageId: 'hidden', imageName: 'Enterprise_Windows_STD_2012R2_20170316-0' })
    const esu = check(def, w12, [], {
      now: new Date('2025-06-01T00:00:00Z'),
      settings: { osSupportPhase: 'extended' },
    })
    assert.equal(esu.status, 'pass', esu.message) // ESU runs to 2026-10-13
    const noEsu = check(def, w12, [], { now: new Date('2025-06-01T00:00:00Z') })
    assert.equal(noEsu.status, 'fail')
    assert.match(noEsu.message, /extended support until 2026-10-13 \(Extended Security Updates/)
  })

  it('asks a person to confirm updates on a rolling release, never passes it', () => {
    const fcos = image({
      id: 'img-fc',
      name: 'Standard_Fedora_CoreOS_latest',
      osVersion: 'Fedora CoreOS 39 64bit',
      platform: 'CoreOS',
    })
    for (const osSupportPhase of ['standard', 'extended'] as const) {
      const v = check(def, server({ imageId: 'img-fc' }), [fcos], { settings: { osSupportPhase } })
      assert.equal(v.status, 'manual')
      assert.match(v.message, /Fedora CoreOS, a rolling release .* automatic updates/)
    }
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
