import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { describe, it } from 'node:test'
import { ORIGIN, passwordAuth, postToken } from './_test-kit.ts'
import { createEmulator } from './app.ts'
import { loginFor } from './clouds-yaml.ts'
import { EmulatorListenError, startEmulator } from './server.ts'
import { generateWorld } from './world/generate.ts'
import { loadWorld } from './world/load.ts'

/** Equal texts, without printing a megabyte when they are not. */
function same(actual: string, expected: string, what: string) {
  if (actual === expected) return
  let at = 0
  while (actual[at] === expected[at]) at++
  assert.fail(
    `${what}: ${actual.length} chars against ${expected.length}, first difference at ${at}`,
  )
}

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

  it('writes big pages from reused buffers without mixing them up', async () => {
    const world = generateWorld({ servers: 600, seed: 5 })
    const emu = await startEmulator({ world })
    try {
      const login = loginFor(world)
      const auth = passwordAuth(world, login.username, login.password, 'project', login.projectName)
      const tok = await fetch(`${emu.authUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(auth),
      })
      const headers = { 'X-Auth-Token': tok.headers.get('X-Subject-Token')! }
      const project = world.projects.find((p) => p.name === login.projectName)!.id
      const urls = [
        `${emu.url}/compute/v2.1/${project}/servers/detail?limit=1000`,
        `${emu.url}/compute/v2.1/${project}/servers/detail?limit=400`,
        `${emu.url}/network/v2.0/ports`,
      ]
      // What the same app answers in-process (no socket: one string, no pooled buffer).
      const expected = await Promise.all(
        urls.map(async (u) => (await emu.emulator.request(u, { headers })).text()),
      )
      assert.ok(expected[0]!.length > 256 * 1024, 'a page big enough to be sliced')
      const read = async (i: number) => {
        const res = await fetch(urls[i]!, { headers })
        assert.equal(res.status, 200)
        assert.equal(res.headers.get('content-type'), 'application/json')
        return res.text()
      }
      for (let round = 0; round < 3; round++) same(await read(round), expected[round]!, `${round}`)
      const together = await Promise.all([0, 1, 2, 0, 1, 2].map(read))
      for (const [i, text] of together.entries())
        same(text, expected[i % 3]!, `page ${i} of six at once`)
    } finally {
      await emu.close()
    }
  })

  it('keeps a page buffer until its answer is written (the response closed)', async () => {
    const world = generateWorld({ servers: 600, seed: 5 })
    const app = createEmulator(world)
    const login = loginFor(world)
    const auth = passwordAuth(world, login.username, login.password, 'project', login.projectName)
    const token = (await postToken(app, auth)).headers.get('X-Subject-Token')!
    const project = world.projects.find((p) => p.name === login.projectName)!.id
    const url = (limit: number) => `${ORIGIN}/compute/v2.1/${project}/servers/detail?limit=${limit}`
    const get = (limit: number, outgoing?: EventEmitter) =>
      app.fetch(new Request(url(limit), { headers: { 'X-Auth-Token': token } }), { outgoing })
    const expected = await (await get(1000)).text() // in-process: no pooled buffer
    const first = new EventEmitter()
    const waiting = await get(1000, first)
    // Another page while the first is not written yet: it must not take the first's buffer.
    const other = new EventEmitter()
    const meanwhile = await get(300, other)
    same(await waiting.text(), expected, 'the page not yet written')
    same(await meanwhile.text(), await (await get(300)).text(), 'the page served meanwhile')
    first.emit('close')
    other.emit('close')
    same(await (await get(1000, new EventEmitter())).text(), expected, 'from a reused buffer')
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
