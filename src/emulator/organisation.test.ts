/**
 * The emulator as an organisation (several projects in several regions): Keystone role
 * assignments (who may scope to which project), what `/v3/auth/projects` and `/v3/projects`
 * list (with OTC's MOS), re-scoping a token with `methods: ["token"]`, and a region without a
 * service (left out of the catalog, answered with the gateway's 404).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TokenResponse } from '../clients/identity/auth-schemas.ts'
import { ListProjectsResponse } from '../clients/identity/schemas.ts'
import { demoEmulator, get, NOW, ORIGIN, passwordAuth, postToken, tokenFor } from './_test-kit.ts'
import { createEmulator } from './app.ts'
import { worldFromData } from './world/load.ts'
import type { World } from './world/model.ts'

const projectOf = (w: World, name: string) => w.projects.find((p) => p.name === name)!
const rescope = (token: string, scope: object) => ({
  auth: { identity: { methods: ['token'], token: { id: token } }, scope },
})
async function names(res: Response): Promise<string[]> {
  assert.equal(res.status, 200)
  return ListProjectsResponse.parse(await res.json()).projects.map((p) => p.name)
}

describe('Keystone role assignments (users[].projects)', () => {
  it('401s a token for a project the user has no role in, by name and by id, as Keystone does', async () => {
    const { app, world } = demoEmulator()
    const restricted = projectOf(world, 'eu-de_restricted')
    const byName = passwordAuth(
      world,
      'sphere-admin',
      'Sphere-Demo-2024!',
      'project',
      restricted.name,
    )
    const byId = {
      auth: { ...(byName as { auth: object }).auth, scope: { project: { id: restricted.id } } },
    }
    for (const body of [byName, byId]) {
      const res = await postToken(app, body)
      assert.equal(res.status, 401)
      assert.equal(res.headers.get('X-Subject-Token'), null)
      assert.deepEqual(await res.json(), {
        error: {
          code: 401,
          message: 'The request you have made requires authentication.',
          title: 'Unauthorized',
        },
      })
    }
    // A user without `projects:` has a role everywhere.
    const owner = passwordAuth(
      world,
      'OTC00000000001000000501',
      'Owner-Demo-2024!',
      'project',
      restricted.name,
    )
    const ok = TokenResponse.parse(await (await postToken(app, owner)).json())
    assert.equal(ok.token.project?.id, restricted.id)
  })

  it('lists in /v3/auth/projects only the projects the caller has a role in, plus MOS on OTC', async () => {
    const { app, world } = demoEmulator()
    const scanner = await tokenFor(app, world)
    assert.deepEqual(await names(await get(app, '/identity/v3/auth/projects', scanner)), [
      'eu-de',
      'eu-de_dev',
      'eu-nl',
      'MOS',
    ])
    const owner = await tokenFor(
      app,
      world,
      'domain',
      'OTC00000000001000000501',
      'Owner-Demo-2024!',
    )
    assert.deepEqual(await names(await get(app, '/identity/v3/auth/projects', owner)), [
      'eu-de',
      'eu-de_dev',
      'eu-nl',
      'eu-de_restricted',
      'MOS',
    ])
  })

  it('lists every project of the domain in /v3/projects (domain token), parents as OTC forms them', async () => {
    const { app, world } = demoEmulator()
    const token = await tokenFor(app, world, 'domain')
    const res = await get(app, `/identity/v3/projects?domain_id=${world.domain.id}`, token)
    const body = ListProjectsResponse.parse(await res.json())
    assert.deepEqual(
      body.projects.map((p) => p.name),
      ['eu-de', 'eu-de_dev', 'eu-nl', 'eu-de_restricted', 'MOS'],
    )
    const parent = Object.fromEntries(body.projects.map((p) => [p.name, p.parent_id]))
    const eude = projectOf(world, 'eu-de').id
    assert.equal(parent['eu-de'], world.domain.id)
    assert.equal(parent['eu-de_dev'], eude)
    assert.equal(parent['eu-de_restricted'], eude)
    assert.equal(parent['eu-nl'], world.domain.id)
    assert.equal(parent.MOS, world.domain.id)
    assert.deepEqual(
      await names(await get(app, `/identity/v3/projects?parent_id=${eude}`, token)),
      ['eu-de_dev', 'eu-de_restricted'],
    )
    assert.deepEqual(await names(await get(app, '/identity/v3/projects?name=MOS', token)), ['MOS'])
    // Listed, but not a project a token can be scoped to.
    const mos = await postToken(
      app,
      passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!', 'project', 'MOS'),
    )
    assert.equal(mos.status, 401)
  })

  it('has no MOS on a plain OpenStack', async () => {
    const world = worldFromData(
      {
        name: 'os',
        cloud: 'openstack',
        domain: { name: 'Default' },
        projects: [{ name: 'demo' }, { name: 'other' }],
        users: [{ name: 'admin', password: 'pw', groups: ['admin'], projects: ['demo'] }],
      },
      { now: NOW },
    )
    const app = createEmulator(world, { clock: () => NOW })
    const token = await tokenFor(app, world, 'project', 'admin', 'pw')
    assert.deepEqual(await names(await get(app, '/identity/v3/auth/projects', token)), ['demo'])
  })
})

describe('Keystone re-scoping (methods: ["token"])', () => {
  it('re-scopes a token to another project the user has a role in, keeping expiry and methods', async () => {
    const { app, world, advance } = demoEmulator()
    const first = await postToken(app, passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!'))
    const original = TokenResponse.parse(await first.json())
    advance(3_600_000)
    const nl = projectOf(world, 'eu-nl')
    const res = await postToken(
      app,
      rescope(first.headers.get('X-Subject-Token')!, { project: { id: nl.id } }),
    )
    assert.equal(res.status, 201)
    const token = res.headers.get('X-Subject-Token')!
    const body = TokenResponse.parse(await res.json())
    assert.equal(body.token.project?.name, 'eu-nl')
    assert.deepEqual(body.token.methods, ['token', 'password'])
    assert.equal(body.token.expires_at, original.token.expires_at)
    assert.equal(body.token.issued_at, '2025-06-01T13:00:00.000000Z')
    const compute = body.token.catalog?.find((c) => c.type === 'compute')
    assert.equal(compute?.endpoints[0]?.region, 'eu-nl')
    assert.equal(compute?.endpoints[0]?.url, `${ORIGIN}/compute/v2.1/${nl.id}`)
    const servers = await get(app, `/compute/v2.1/${nl.id}/servers/detail`, token)
    assert.deepEqual(
      (await servers.json()).servers.map((s: { name: string }) => s.name),
      ['nl-web-01', 'nl-jump-01'],
    )
    // The new token expires with the one it was made from.
    advance(23 * 3_600_000)
    assert.equal((await get(app, `/compute/v2.1/${nl.id}/servers/detail`, token)).status, 401)
  })

  it('re-scopes by project name + domain, and to the domain', async () => {
    const { app, world } = demoEmulator()
    const token = await tokenFor(app, world)
    const domain = { name: world.domain.name }
    const dev = await postToken(app, rescope(token, { project: { name: 'eu-de_dev', domain } }))
    assert.equal(TokenResponse.parse(await dev.json()).token.project?.name, 'eu-de_dev')
    const global = TokenResponse.parse(
      await (await postToken(app, rescope(token, { domain }))).json(),
    )
    assert.equal(global.token.project, undefined)
    assert.equal(global.token.domain?.id, world.domain.id)
  })

  it('401s a re-scope to a project without a role, and with an unknown or expired token', async () => {
    const { app, world, advance } = demoEmulator({ tokenTtlSeconds: 60 })
    const token = await tokenFor(app, world)
    const restricted = { project: { id: projectOf(world, 'eu-de_restricted').id } }
    const dev = { project: { id: projectOf(world, 'eu-de_dev').id } }
    assert.equal((await postToken(app, rescope(token, restricted))).status, 401)
    assert.equal((await postToken(app, rescope('MIIEmulatorbogus', dev))).status, 401)
    advance(60_000)
    const expired = await postToken(app, rescope(token, dev))
    assert.equal(expired.status, 401)
    assert.equal((await expired.json()).error.title, 'Unauthorized')
    assert.equal(
      (await postToken(app, { auth: { identity: { methods: ['token'], token: {} } } })).status,
      400,
    )
  })

  it('keeps an application-credential token on its project', async () => {
    const { app, world, pid } = demoEmulator()
    const cred = world.applicationCredentials[0]!
    const res = await postToken(app, {
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: cred.id, secret: 'ci-pipeline-demo-secret' },
        },
      },
    })
    const token = res.headers.get('X-Subject-Token')!
    const dev = projectOf(world, 'eu-de_dev').id
    assert.equal((await postToken(app, rescope(token, { project: { id: dev } }))).status, 401)
    const same = await postToken(app, rescope(token, { project: { id: pid } }))
    assert.equal(TokenResponse.parse(await same.json()).token.project?.id, pid)
  })

  it('refuses every re-scope with 403 where the world turns it off (allowTokenRescope: false)', async () => {
    const world = worldFromData(
      {
        name: 'no-rescope',
        allowTokenRescope: false,
        domain: { name: 'OTC00000000001000000042' },
        projects: [{ name: 'eu-de' }, { name: 'eu-nl' }],
        users: [{ name: 'u', password: 'pw' }],
      },
      { now: NOW },
    )
    const app = createEmulator(world, { clock: () => NOW })
    const token = await tokenFor(app, world, 'project', 'u', 'pw')
    const res = await postToken(
      app,
      rescope(token, { project: { name: 'eu-nl', domain: { name: world.domain.name } } }),
    )
    assert.equal(res.status, 403)
    assert.equal((await res.json()).error.title, 'Forbidden')
  })
})

describe('a region without a service (regions.<r>.missingServices)', () => {
  it('leaves CTS out of eu-nl catalogs and answers its routes with the gateway 404, before auth', async () => {
    const { app, world } = demoEmulator()
    const nl = projectOf(world, 'eu-nl')
    const token = await tokenFor(app, world)
    const nlToken = (await postToken(app, rescope(token, { project: { id: nl.id } }))).headers.get(
      'X-Subject-Token',
    )!
    const catalog = (await (await get(app, '/identity/v3/auth/catalog', nlToken)).json()).catalog
    const types = catalog.map((c: { type: string }) => c.type)
    assert.ok(!types.includes('cts') && !types.includes('ctsv3'), types.join(','))
    assert.ok(types.includes('cesv1') && types.includes('compute'))
    for (const [path, auth] of [
      [`/cts/v3/${nl.id}/trackers`, nlToken],
      [`/cts/v1.0/${nl.id}/tracker?tracker_name=system`, nlToken],
      [`/cts/v3/${nl.id}/trackers`, undefined],
    ] as const) {
      const res = await get(app, path, auth)
      assert.equal(res.status, 404, path)
      assert.equal((await res.json()).error_code, 'APIGW.0101')
    }
    // eu-de still has CTS.
    const pid = projectOf(world, 'eu-de').id
    assert.equal((await get(app, `/cts/v3/${pid}/trackers`, token)).status, 200)
  })

  it('finds the region of a path without a project id from the token (Neutron)', async () => {
    const world = worldFromData(
      {
        name: 'no-network',
        domain: { name: 'OTC00000000001000000042' },
        regions: { 'eu-nl': { missingServices: ['network'] } },
        projects: [{ name: 'eu-de' }, { name: 'eu-nl' }],
        users: [{ name: 'u', password: 'pw' }],
      },
      { now: NOW },
    )
    const app = createEmulator(world, { clock: () => NOW })
    const de = await tokenFor(app, world, 'project', 'u', 'pw')
    assert.equal((await get(app, '/network/v2.0/security-groups', de)).status, 200)
    const nl = (
      await postToken(
        app,
        rescope(de, { project: { name: 'eu-nl', domain: { name: world.domain.name } } }),
      )
    ).headers.get('X-Subject-Token')!
    const res = await get(app, '/network/v2.0/security-groups', nl)
    assert.equal(res.status, 404)
    assert.equal((await res.json()).error_code, 'APIGW.0101')
  })
})
