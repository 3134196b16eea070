import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TokenResponse } from '../clients/identity/auth-schemas.ts'
import { ListProjectsResponse } from '../clients/identity/schemas.ts'
import { demoEmulator, get, ORIGIN, passwordAuth, postToken, tokenFor } from './_test-kit.ts'

describe('Keystone (POST /v3/auth/tokens)', () => {
  it('issues a project-scoped token: 201, X-Subject-Token, catalog pointing at itself', async () => {
    const { app, world, pid } = demoEmulator()
    const res = await postToken(app, passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!'))
    assert.equal(res.status, 201)
    assert.ok(res.headers.get('X-Subject-Token'))
    const body = TokenResponse.parse(await res.json())
    assert.equal(body.token.project?.id, pid)
    assert.equal(body.token.project?.name, 'eu-de')
    assert.equal(body.token.expires_at, '2025-06-02T12:00:00.000000Z')
    const url = (type: string) =>
      body.token.catalog?.find((c) => c.type === type)?.endpoints[0]?.url
    assert.equal(url('compute'), `${ORIGIN}/compute/v2.1/${pid}`)
    assert.equal(url('image'), `${ORIGIN}/image`)
    assert.equal(url('network'), `${ORIGIN}/network`)
    assert.equal(url('volumev3'), `${ORIGIN}/volume/v3/${pid}`)
    assert.equal(url('volumev2'), `${ORIGIN}/volume/v2/${pid}`)
    assert.equal(url('cbr'), `${ORIGIN}/cbr/v3/${pid}`)
    assert.equal(url('cesv1'), `${ORIGIN}/ces/V1.0/${pid}`)
    assert.equal(url('cts'), `${ORIGIN}/cts/v1.0/${pid}`)
    assert.equal(url('rdsv3'), `${ORIGIN}/rds/v3/${pid}`)
    assert.equal(url('identity'), `${ORIGIN}/identity/v3`)
    const identity = body.token.catalog?.find((c) => c.type === 'identity')
    assert.deepEqual(
      identity?.endpoints.map((e) => e.region_id),
      ['eu-de', '*'],
    )
    assert.equal(body.token.roles?.[0]?.name, 'te_admin')
  })

  it('scopes to a project by id, and to the domain by name or with no scope', async () => {
    const { app, world } = demoEmulator()
    const dev = world.projects[1]!
    const byId = {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { id: world.users[1]!.id, password: 'Sphere-Demo-2024!' } },
        },
        scope: { project: { id: dev.id } },
      },
    }
    const a = TokenResponse.parse(await (await postToken(app, byId)).json())
    assert.equal(a.token.project?.name, 'eu-de_dev')
    for (const scope of ['domain', 'none'] as const) {
      const res = await postToken(
        app,
        passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!', scope),
      )
      const body = TokenResponse.parse(await res.json())
      assert.equal(body.token.project, undefined)
      assert.equal(body.token.domain?.id, world.domain.id)
      assert.deepEqual(
        body.token.catalog?.map((c) => c.type),
        ['identity'],
      )
    }
  })

  it('answers a wrong password, an unknown user, a disabled user and an unknown project with 401', async () => {
    const { app, world } = demoEmulator()
    const cases = [
      passwordAuth(world, 'sphere-admin', 'wrong'),
      passwordAuth(world, 'nobody', 'x'),
      passwordAuth(world, 'frank.disabled', 'Frank-Demo-2024!'),
      passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!', 'project', 'eu-ch2'),
      passwordAuth(world, 'ci-deploy', ''),
    ]
    for (const body of cases) {
      const res = await postToken(app, body)
      assert.equal(res.status, 401)
      const err = await res.json()
      assert.equal(err.error.code, 401)
      assert.equal(err.error.title, 'Unauthorized')
    }
  })

  it('answers a malformed body with 400', async () => {
    const { app } = demoEmulator()
    assert.equal((await postToken(app, { auth: {} })).status, 400)
  })

  it('omits the catalog with ?nocatalog', async () => {
    const { app, world } = demoEmulator()
    const res = await postToken(
      app,
      passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!'),
      '?nocatalog=1',
    )
    assert.equal((await res.json()).token.catalog, undefined)
  })

  it('accepts application credentials (by id, and by name + user), bound to their project', async () => {
    const { app, world, pid } = demoEmulator()
    const cred = world.applicationCredentials[0]!
    const byId = {
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: cred.id, secret: 'ci-pipeline-demo-secret' },
        },
      },
    }
    const res = await postToken(app, byId)
    assert.equal(res.status, 201)
    assert.equal((await res.json()).token.project.id, pid)
    const byName = {
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: {
            name: 'ci-pipeline',
            secret: 'ci-pipeline-demo-secret',
            user: { name: 'ci-deploy', domain: { name: world.domain.name } },
          },
        },
      },
    }
    assert.equal((await postToken(app, byName)).status, 201)
    const wrong = structuredClone(byId)
    wrong.auth.identity.application_credential.secret = 'nope'
    assert.equal((await postToken(app, wrong)).status, 401)
  })

  it('expires tokens after tokenTtlSeconds: 401 from Keystone and from the gateway', async () => {
    const { app, world, pid, advance } = demoEmulator({ tokenTtlSeconds: 60 })
    const project = await tokenFor(app, world)
    const domain = await tokenFor(app, world, 'domain')
    assert.equal((await get(app, `/compute/v2.1/${pid}/servers/detail`, project)).status, 200)
    advance(60_000)
    const nova = await get(app, `/compute/v2.1/${pid}/servers/detail`, project)
    assert.equal(nova.status, 401)
    assert.equal((await nova.json()).error_code, 'APIGW.0307')
    const ks = await get(app, '/identity/v3/users', domain)
    assert.equal(ks.status, 401)
    assert.equal((await ks.json()).error.code, 401)
    const iam = await get(app, '/identity/v3.0/OS-MFA/virtual-mfa-devices', domain)
    assert.equal((await iam.json()).error_code, 'IAM.0001')
  })

  it('401s a missing or unknown token', async () => {
    const { app, pid } = demoEmulator()
    const none = await get(app, `/network/v2.0/ports`)
    assert.equal(none.status, 401)
    assert.equal((await none.json()).error_code, 'APIGW.0301')
    assert.equal((await get(app, `/rds/v3/${pid}/instances`, 'MIIbogus')).status, 401)
  })

  it('403s a project-scoped token on IAM /v3.0 and a domain-scoped one on regional services', async () => {
    const { app, world, pid } = demoEmulator()
    const project = await tokenFor(app, world, 'project')
    const domain = await tokenFor(app, world, 'domain')
    const iam = await get(app, '/identity/v3.0/OS-USER/login-protects', project)
    assert.equal(iam.status, 403)
    assert.equal((await iam.json()).error_code, 'IAM.0002')
    assert.equal((await get(app, '/identity/v3.0/OS-USER/login-protects', domain)).status, 200)
    const nova = await get(app, `/compute/v2.1/${pid}/servers/detail`, domain)
    assert.equal(nova.status, 403)
    assert.ok((await nova.json()).forbidden)
  })

  it('serves /v3/auth/catalog, /v3/auth/projects, /v3/auth/domains and /v3/projects?name=', async () => {
    const { app, world, pid } = demoEmulator()
    const token = await tokenFor(app, world)
    const catalog = await (await get(app, '/identity/v3/auth/catalog', token)).json()
    assert.ok(catalog.catalog.some((c: { type: string }) => c.type === 'rdsv3'))
    const projects = ListProjectsResponse.parse(
      await (await get(app, '/identity/v3/auth/projects', token)).json(),
    )
    assert.deepEqual(
      projects.projects.map((p) => p.name),
      ['eu-de', 'eu-de_dev', 'eu-nl', 'MOS'],
    )
    const domains = await (await get(app, '/identity/v3/auth/domains', token)).json()
    assert.equal(domains.domains[0].name, world.domain.name)
    const named = ListProjectsResponse.parse(
      await (await get(app, '/identity/v3/projects?name=eu-de', token)).json(),
    )
    assert.deepEqual(
      named.projects.map((p) => p.id),
      [pid],
    )
  })

  it('validates a token (GET /v3/auth/tokens with X-Subject-Token), as services ask Keystone', async () => {
    const { app, world, pid, advance } = demoEmulator({ tokenTtlSeconds: 60 })
    const project = await tokenFor(app, world)
    const domain = await tokenFor(app, world, 'domain')
    const ask = (subject: string | undefined, auth = project, query = '') =>
      app.request(`${ORIGIN}/identity/v3/auth/tokens${query}`, {
        headers: { 'X-Auth-Token': auth, ...(subject ? { 'X-Subject-Token': subject } : {}) },
      })
    const ok = await ask(domain)
    assert.equal(ok.status, 200)
    assert.equal(ok.headers.get('X-Subject-Token'), domain)
    const body = TokenResponse.parse(await ok.json())
    assert.equal(body.token.user.name, 'sphere-admin')
    assert.equal(body.token.project, undefined)
    assert.ok(body.token.catalog?.some((e) => e.type === 'identity'))
    const self = TokenResponse.parse(await (await ask(project, project, '?nocatalog')).json())
    assert.equal(self.token.project?.id, pid)
    assert.equal(self.token.catalog, undefined)
    const unknown = await ask('MIIbogus')
    assert.equal(unknown.status, 404)
    assert.match((await unknown.json()).error.message, /Could not find token: MIIbogus/)
    assert.equal((await ask(undefined)).status, 400)
    assert.equal((await ask(domain, 'MIIbogus')).status, 401)
    advance(60_000)
    const later = await tokenFor(app, world)
    assert.equal((await ask(project, later)).status, 404, 'an expired subject is not found')
  })
})
