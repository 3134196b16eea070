import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { image, inventory, NOW, server, volume } from '../../inventory/testing.ts'
import { ctx } from '../testing.ts'
import {
  type ImageVerdict,
  type ImageVerdicts,
  imageVerdict,
  osOfHints,
  perImageVerdict,
  serverImage,
  windowsOfHints,
} from './_image.ts'
import imageCurrent from './ecs-server-image-current.ts'
import imageSupported from './ecs-server-image-supported.ts'

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

describe('perImageVerdict', () => {
  it("makes an image's verdict once per inventory, time and setting, frozen", () => {
    const memo: ImageVerdicts = new WeakMap()
    const c = ctx([ubuntu])
    let made = 0
    const make = (): ImageVerdict => {
      made++
      return { status: 'pass', tail: ' runs Ubuntu', evidence: { imageId: 'img-u' } }
    }
    const v = perImageVerdict(memo, ubuntu, c, 'standard', make)
    assert.equal(perImageVerdict(memo, ubuntu, c, 'standard', make), v)
    assert.equal(made, 1)
    assert.ok(Object.isFrozen(v) && Object.isFrozen(v.evidence))
    perImageVerdict(memo, ubuntu, c, 'extended', make)
    assert.equal(made, 2, 'another setting')
    perImageVerdict(
      memo,
      ubuntu,
      { ...c, now: new Date(NOW.getTime() + 86_400_000) },
      'extended',
      make,
    )
    assert.equal(made, 3, 'another time')
    perImageVerdict(memo, ubuntu, ctx([ubuntu]), 'extended', make)
    assert.equal(made, 4, 'another inventory')
  })

  it("names each server in its own message over the image's shared evidence", () => {
    const v: ImageVerdict = {
      status: 'fail',
      tail: ' runs CentOS 7',
      evidence: { distro: 'centos' },
    }
    assert.deepEqual(imageVerdict('server a', v), {
      status: 'fail',
      message: 'server a runs CentOS 7',
      evidence: { distro: 'centos' },
    })
    assert.equal(imageVerdict('server b', { status: 'manual', tail: ': ?' }).message, 'server b: ?')
  })

  it('gives every server of an image its own message in the image checks, setting by setting', () => {
    const u20 = image({
      id: 'img-u20',
      name: 'Standard_Ubuntu_20.04_latest',
      osVersion: 'Ubuntu 20.04 server 64bit',
      createdAt: '2026-05-01T00:00:00Z',
    })
    const a = server({ id: 'a', name: 'web-a', imageId: 'img-u20' })
    const b = server({ id: 'b', name: 'web-b', imageId: 'img-u20' })
    for (const phase of ['standard', 'extended', 'standard'] as const) {
      const c = ctx([u20, a, b], { settings: { osSupportPhase: phase } })
      const [va, vb] = [a, b].map((s) =>
        imageSupported.evaluate(c.inventory.byId('ecs.server', s.id)!, c),
      )
      assert.match(va!.message, /^server "web-a" \(a\) runs Ubuntu 20\.04/)
      assert.match(vb!.message, /^server "web-b" \(b\) runs Ubuntu 20\.04/)
      assert.equal(va!.status, phase === 'extended' ? 'pass' : 'fail')
      assert.equal(vb!.status, va!.status)
    }
    for (const max of [400, 10]) {
      const c = ctx([u20, a, b], { settings: { imageMaxAgeDays: max } })
      const [va, vb] = [a, b].map((s) =>
        imageCurrent.evaluate(c.inventory.byId('ecs.server', s.id)!, c),
      )
      assert.match(va!.message, /^server "web-a" \(a\) runs (image )?Standard_Ubuntu_20\.04_latest/)
      assert.match(vb!.message, /^server "web-b" \(b\)/)
      assert.equal(va!.status, max === 10 ? 'fail' : 'pass', va!.message)
    }
  })
})
