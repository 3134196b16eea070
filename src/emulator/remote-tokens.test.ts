import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { passwordAuth } from './_test-kit.ts'
import { TokenStore } from './keystone.ts'
import { RemoteTokenError, remoteTokens, tokenInfoOf } from './remote-tokens.ts'
import { openEmulatorPort, startEmulator } from './server.ts'
import { loadWorld } from './world/load.ts'

describe('tokenInfoOf', () => {
  it('reads the holder, scope and lifetime of a validation body', () => {
    const body = {
      token: {
        methods: ['password'],
        issued_at: '2025-06-01T12:00:00.000000Z',
        expires_at: '2025-06-02T12:00:00.123456Z',
        user: { id: 'u1', name: 'x' },
        project: { id: 'p1' },
      },
    }
    assert.deepEqual(tokenInfoOf(body), {
      userId: 'u1',
      methods: ['password'],
      issuedAt: Date.parse('2025-06-01T12:00:00Z'),
      expiresAt: Date.parse('2025-06-02T12:00:00.123Z'),
      projectId: 'p1',
    })
    const domain = tokenInfoOf({ token: { ...body.token, project: undefined } })
    assert.equal(domain?.projectId, undefined)
  })

  it('is undefined for a body without a user or valid times', () => {
    const t = { methods: [], issued_at: '2025-06-01T12:00:00Z', expires_at: '2025-06-02T12:00:00Z' }
    assert.equal(tokenInfoOf({ token: t }), undefined)
    assert.equal(tokenInfoOf({ token: { ...t, user: { id: 'u' }, expires_at: 'soon' } }), undefined)
    assert.equal(tokenInfoOf(null), undefined)
    assert.equal(tokenInfoOf({ error: { code: 404 } }), undefined)
  })
})

describe('remoteTokens', () => {
  it('asks only a Keystone on loopback over http', () => {
    const store = new TokenStore(60_000)
    for (const url of ['http://10.0.0.1:5000', 'https://127.0.0.1:5000', 'not a url'])
      assert.throws(() => remoteTokens(url, store, Date.now), RemoteTokenError, url)
    assert.doesNotThrow(() => remoteTokens('http://127.0.0.1:5000', store, Date.now))
  })
})

describe('two emulators: Keystone and IAM in one, the regional services in the other', () => {
  it('accepts the first one’s tokens in the second, asking its Keystone once per token', async () => {
    const world = loadWorld('demo')
    const services = await openEmulatorPort()
    const identity = await startEmulator({ world, servicesUrl: services.url })
    try {
      const before = await fetch(`${services.url}/network/v2.0/ports`)
      assert.equal(before.status, 503, 'a port that has not started serving')
      const regional = services.start(world, { identityUrl: identity.url })
      const res = await fetch(`${identity.authUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!')),
      })
      assert.equal(res.status, 201)
      const token = res.headers.get('X-Subject-Token')!
      const catalog: { type: string; endpoints: { url: string }[] }[] = (await res.json()).token
        .catalog
      const at = (type: string) => catalog.find((e) => e.type === type)!.endpoints[0]!.url
      const pid = world.projects[0]!.id
      assert.equal(at('compute'), `${services.url}/compute/v2.1/${pid}`)
      assert.equal(at('identity'), `${identity.url}/identity/v3`)
      assert.ok(at('object').startsWith(`${identity.url}/obs/`), 'OBS signs with IAM’s keys')
      const headers = { 'X-Auth-Token': token }
      const asked = () => identity.emulator.stats().requests.byService.identity ?? 0
      const validations = asked()
      const servers = await fetch(`${at('compute')}/servers/detail`, { headers })
      assert.equal(servers.status, 200)
      assert.equal((await servers.json()).servers.length, 10)
      assert.equal(asked(), validations + 1, 'validated once')
      const both = await Promise.all([
        fetch(`${at('network')}/v2.0/ports`, { headers }),
        fetch(`${at('volumev2')}/volumes/detail`, { headers }),
      ])
      assert.deepEqual(
        both.map((r) => r.status),
        [200, 200],
      )
      assert.equal(asked(), validations + 1, 'then remembered')
      const bogus = await fetch(`${at('compute')}/servers/detail`, {
        headers: { 'X-Auth-Token': 'MIIbogus' },
      })
      assert.equal(bogus.status, 401)
      assert.equal(regional.emulator.stats().requests.byService.compute, 2)
    } finally {
      await identity.close()
      await services.close()
    }
  })

  it('startEmulator closes its port when the emulator cannot be built', async () => {
    const probe = await openEmulatorPort()
    const { port } = probe
    await probe.close()
    await assert.rejects(
      startEmulator({ world: 'empty', port, identityUrl: 'http://10.0.0.1:5000' }),
      RemoteTokenError,
    )
    const again = await startEmulator({ world: 'empty', port })
    await again.close()
  })
})
