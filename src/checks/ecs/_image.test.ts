import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { image, inventory, server, volume } from '../../inventory/testing.ts'
import { osOfHints, serverImage, windowsOfHints } from './_image.ts'

const ubuntu = image({ id: 'img-u', osVersion: 'Ubuntu 24.04 server 64bit' })
const win = image({ id: 'img-w', name: 'Enterprise_Windows_STD_2019_KVM', osVersion: null })

describe('serverImage', () => {
  it("shares one frozen set of hints among an image's servers, and reads its OS once", () => {
    const inv = inventory([
      ubuntu,
      server({ id: 'a', imageId: 'img-u' }),
      server({ id: 'b', imageId: 'img-u' }),
    ])
    const a = serverImage(inv.byId('ecs.server', 'a')!, inv)
    const b = serverImage(inv.byId('ecs.server', 'b')!, inv)
    assert.equal(a.source, 'image')
    assert.equal(a.hints, b.hints)
    assert.ok(Object.isFrozen(a.hints))
    const os = osOfHints(a.hints)
    assert.deepEqual(os, { distro: 'ubuntu', version: '24.04' })
    assert.equal(osOfHints(b.hints), os)
    assert.ok(Object.isFrozen(os))
  })

  it('names Windows from an image the same way for every server of it', () => {
    const inv = inventory([win, server({ id: 'w', imageId: 'img-w' })])
    const si = serverImage(inv.byId('ecs.server', 'w')!, inv)
    assert.equal(windowsOfHints(si.hints), true)
    assert.equal(windowsOfHints(si.hints), true)
    assert.equal(osOfHints(si.hints)?.distro, 'windows-server')
  })

  it('reads the system disk only when no listed image names the OS', () => {
    const disk = volume({
      id: 'sys',
      bootable: true,
      imageMetadata: {
        imageId: 'img-gone',
        imageName: null,
        osVersion: null,
        osDistro: 'debian',
        osDistroVersion: '12',
      },
    })
    const reads: string[] = []
    const inv = inventory([ubuntu, disk])
    const view = {
      ...inv,
      byId: ((type: string, id: string) => {
        reads.push(`${type}/${id}`)
        return inv.byId(type as never, id)
      }) as typeof inv.byId,
    } as typeof inv
    const listed = serverImage(server({ imageId: 'img-u', volumeIds: ['sys'] }), view)
    assert.equal(listed.source, 'image')
    assert.deepEqual(reads, ['ims.image/img-u'])
    reads.length = 0
    const gone = serverImage(server({ imageId: 'img-gone', volumeIds: ['sys'] }), view)
    assert.equal(gone.source, 'system-disk')
    assert.equal(gone.imageId, 'img-gone')
    assert.equal(osOfHints(gone.hints)?.distro, 'debian')
    assert.ok(!Object.isFrozen(gone.hints))
    assert.deepEqual(reads, ['ims.image/img-gone', 'evs.volume/sys', 'ims.image/img-gone'])
  })
})
