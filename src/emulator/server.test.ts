import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { passwordAuth } from './_test-kit.ts'
import { EmulatorListenError, startEmulator } from './server.ts'
import { loadWorld } from './world/load.ts'

describe('startEmulator (real port)', () => {
  it('serves on 127.0.0.1 with a free port; the catalog points at that port', async () => {
    const emu = await startEmulator({ world: 'demo' })
    try {
      assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.equal(emu.authUrl, `${emu.url}/identity/v3`)
      const world = emu.emulator.world
      const res = await fetch(`${emu.authUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!')),
      })
      assert.equal(res.status, 201)
      const body = await res.json()
      const compute = body.token.catalog.find((c: { type: string }) => c.type === 'compute')
      assert.equal(compute.endpoints[0].url, `${emu.url}/compute/v2.1/${world.projects[0]!.id}`)
      const servers = await fetch(`${compute.endpoints[0].url}/servers/detail`, {
        headers: { 'X-Auth-Token': res.headers.get('X-Subject-Token')! },
      })
      assert.equal(servers.status, 200)
      assert.equal((await servers.json()).servers.length, 10)
    } finally {
      await emu.close()
    }
  })

  it('drops connections for faultRate on a real socket', async () => {
    const emu = await startEmulator({ world: loadWorld('empty'), faultRate: 1, seed: 3 })
    try {
      const outcomes: string[] = []
      for (let i = 0; i < 8; i++)
        outcomes.push(
          await fetch(`${emu.url}/network/v2.0/ports`).then(
            (r) => String(r.status),
            () => 'dropped',
          ),
        )
      assert.ok(outcomes.includes('dropped'), outcomes.join())
      assert.ok(
        outcomes.every((o) => ['dropped', '500', '502', '503'].includes(o)),
        outcomes.join(),
      )
      assert.equal(
        emu.emulator.stats().faults.dropped,
        outcomes.filter((o) => o === 'dropped').length,
      )
    } finally {
      await emu.close()
    }
  })

  it('refuses to bind anywhere but loopback', async () => {
    await assert.rejects(
      startEmulator({ world: 'empty', host: '0.0.0.0' as '127.0.0.1' }),
      RangeError,
    )
  })

  it('a port in use is an EmulatorListenError with a one-line message', async () => {
    const first = await startEmulator({ world: 'empty' })
    try {
      await assert.rejects(
        startEmulator({ world: 'empty', port: first.port }),
        (e: unknown) =>
          e instanceof EmulatorListenError &&
          e.code === 'EADDRINUSE' &&
          e.message === `port ${first.port} on 127.0.0.1 is in use`,
      )
    } finally {
      await first.close()
    }
  })

  it('answers 413 on a real socket to a 60 MB body', async () => {
    const emu = await startEmulator({ world: 'empty' })
    try {
      const res = await fetch(`${emu.authUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: 'x'.repeat(60 * 1024 * 1024),
      })
      assert.equal(res.status, 413)
      assert.equal((await res.json()).error.code, 413)
    } finally {
      await emu.close()
    }
  })
})
