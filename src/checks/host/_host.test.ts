import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hostCheck, hostReport } from '../../host/testing.ts'
import { image, server, volume } from '../../inventory/testing.ts'
import { ctx } from '../testing.ts'
import { runsWindows } from './_host.ts'
import hostOsSupported from './host-os-supported.ts'
import sshNoRootLogin from './host-ssh-no-root-login.ts'

const win2025 = image({
  id: 'img-w25',
  name: 'Standard_Windows_Server_2025_Datacenter_latest',
  osVersion: 'Windows Server 2025 Datacenter 64bit',
  platform: 'Windows',
})

describe(runsWindows.name, () => {
  it('trusts os_type when the server has one', () => {
    assert.equal(runsWindows(server({ osType: 'Windows' }), ctx()), true)
    assert.equal(
      runsWindows(server({ osType: 'Linux', imageId: 'img-w25' }), ctx([win2025])),
      false,
    )
  })

  it('reads the image without os_type: its platform, version, or only its name', () => {
    const s = server({ osType: null, imageId: 'img-w25' })
    assert.equal(runsWindows(s, ctx([win2025])), true)
    const named = server({ osType: null, imageName: 'Enterprise_Windows_STD_2019_CORE_KVM' })
    assert.equal(runsWindows(named, ctx()), true)
    const disk = volume({
      id: 'v1',
      bootable: true,
      imageMetadata: {
        imageId: 'gone',
        imageName: null,
        osVersion: 'Windows Server 2019 Datacenter 64bit',
        platform: 'Windows',
      },
    })
    assert.equal(runsWindows(server({ osType: null, volumeIds: ['v1'] }), ctx([disk])), true)
    assert.equal(runsWindows(server({ osType: null }), ctx()), false)
    assert.equal(
      runsWindows(server({ osType: null, imageId: 'img-u' }), ctx([image({ id: 'img-u' })])),
      false,
    )
  })
})

describe('host checks on Windows servers', () => {
  const checks = [hostOsSupported, sshNoRootLogin]

  it('are not applicable when the image is Windows and os_type is missing', () => {
    const s = server({ osType: null, imageId: 'img-w25' })
    for (const def of checks) {
      const v = hostCheck(def, s, null, { others: [win2025] })
      assert.equal(v.status, 'notApplicable', def.id)
      assert.match(v.message, /runs Windows; the host collector covers Linux/)
      assert.doesNotMatch(v.message, /sphere host script/)
    }
  })

  it('still ask a Linux server without a report to run the collector', () => {
    const s = server({ osType: null, imageId: 'img-u' })
    const v = hostCheck(hostOsSupported, s, null, { others: [image({ id: 'img-u' })] })
    assert.equal(v.status, 'manual')
    assert.match(v.message, /sphere host script \| ssh/)
  })

  it('use a report when one was collected, whatever the image says', () => {
    const s = server({ osType: null, imageId: 'img-w25' })
    const v = hostCheck(hostOsSupported, s, hostReport(), { others: [win2025] })
    assert.notEqual(v.status, 'notApplicable')
  })
})
