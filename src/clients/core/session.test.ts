import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import type { LogFields, Logger } from '../../log/logger.ts'
import {
  BASE,
  cloudConfig,
  DOMAIN_ID,
  entry,
  fakeFetch,
  json,
  otcCatalog,
  PID,
  type SeenRequest,
  tokenBody,
} from './_test-kit.ts'
import { CloudApiError, ServiceUnavailableError } from './errors.ts'
import { createSession } from './session.ts'
import { verifySignature } from './signer.ts'

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0)
const DAY = 86_400_000
const Any = z.unknown()

/** A fake OTC: Keystone issues tok-1, tok-2, …; services answer 200 to the current token only. */
function fakeCloud(
  opts: { now: () => number; reject?: (req: SeenRequest) => Response | undefined } = {
    now: () => T0,
  },
) {
  let issued = 0
  const valid = new Set<string>()
  const f = fakeFetch((req) => {
    const r = opts.reject?.(req)
    if (r) return r
    if (req.method === 'POST' && req.url.pathname === '/v3/auth/tokens') {
      const token = `tok-${++issued}`
      valid.add(token)
      const body = JSON.parse(req.body ?? '{}')
      return json(
        201,
        tokenBody({ expiresAt: opts.now() + DAY, domainScoped: !!body.auth.scope?.domain }),
        { 'X-Subject-Token': token },
      )
    }
    return valid.has(req.headers.get('x-auth-token') ?? '')
      ? json(200, { ok: true })
      : json(401, {
          error: { code: 401, message: 'The request you have made requires authentication.' },
        })
  })
  const tokenPosts = () => f.calls.filter((c) => c.url.pathname === '/v3/auth/tokens')
  return { ...f, tokenPosts, revokeAll: () => valid.clear() }
}

const get = { op: 'ListServers', path: '/v2.1/{project_id}/servers/detail' }

describe('createSession: Keystone password', () => {
  it('authenticates lazily with a project-scoped token and reuses it', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0 })
    assert.equal(c.calls.length, 0)
    const compute = await s.client('compute')
    assert.equal(compute.endpoint, 'https://ecs.eu-de.otc.t-systems.com')
    assert.equal(compute.projectId, PID)
    assert.equal(compute.domainId, DOMAIN_ID)
    await compute.request(get, Any)
    await (await s.client('network')).request({ op: 'ListPorts', path: '/v2.0/ports' }, Any)
    assert.equal(c.tokenPosts().length, 1)
    const body = JSON.parse(c.tokenPosts()[0]!.body!)
    assert.deepEqual(body.auth.scope, {
      project: { name: 'eu-de', domain: { name: 'OTC00000000001000000317' } },
    })
    assert.deepEqual(body.auth.identity.password.user, {
      name: 'alice',
      domain: { name: 'OTC00000000001000000317' },
      password: 'S3cret-pass!',
    })
    assert.equal(
      c.calls[1]!.url.toString(),
      `https://ecs.eu-de.otc.t-systems.com/v2.1/${PID}/servers/detail`,
    )
    assert.equal(c.calls[1]!.headers.get('x-auth-token'), 'tok-1')
  })
  it('scopes by project id when configured', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig({ project: { id: PID, domain: {} } }), {
      fetch: c.fetch,
      now: () => T0,
    })
    await s.info()
    assert.deepEqual(JSON.parse(c.tokenPosts()[0]!.body!).auth.scope, { project: { id: PID } })
  })
  it('renews the token shortly before expires_at', async () => {
    let now = T0
    const c = fakeCloud({ now: () => now })
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => now })
    const compute = await s.client('compute')
    await compute.request(get, Any)
    now = T0 + DAY - 61_000
    await compute.request(get, Any)
    assert.equal(c.tokenPosts().length, 1)
    now = T0 + DAY - 59_000
    await compute.request(get, Any)
    assert.equal(c.tokenPosts().length, 2)
    assert.equal(c.calls.at(-1)!.headers.get('x-auth-token'), 'tok-2')
  })
  it('re-authenticates once on a 401, then retries', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0 })
    const compute = await s.client('compute')
    c.revokeAll()
    await compute.request(get, Any)
    assert.equal(c.tokenPosts().length, 2)
  })
  it('a 401 that survives re-authentication is a clear auth error', async () => {
    const c = fakeCloud({
      now: () => T0,
      reject: (r) => (r.url.host.startsWith('ecs') ? json(401, {}) : undefined),
    })
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0 })
    await assert.rejects(
      (await s.client('compute')).request(get, Any),
      (e: CloudApiError) =>
        e.kind === 'auth' && e.status === 401 && /re-authenticating/.test(e.message),
    )
    assert.equal(c.tokenPosts().length, 2)
  })
  it('uses a domain-scoped token for IAM (scope: domain) and a project token elsewhere', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0 })
    const iam = await s.client('iam')
    assert.equal(iam.endpoint, BASE)
    await iam.request({ op: 'ListUsers', path: '/v3.0/OS-USER/users' }, Any)
    await (await s.client('compute')).request(get, Any)
    const [project, domain] = c.tokenPosts().map((r) => JSON.parse(r.body!).auth.scope)
    assert.deepEqual(project.project.name, 'eu-de')
    assert.deepEqual(domain, { domain: { name: 'OTC00000000001000000317' } })
    const iamCall = c.calls.find((r) => r.url.pathname === '/v3.0/OS-USER/users')!
    assert.equal(iamCall.headers.get('x-auth-token'), 'tok-2')
    assert.equal(c.calls.at(-1)!.headers.get('x-auth-token'), 'tok-1')
  })
  it('wrong password: "authentication failed at <auth url>: check username/password/domain"', async () => {
    const c = fakeFetch(() =>
      json(401, {
        error: {
          code: 401,
          message: 'The request you have made requires authentication.',
          title: 'Unauthorized',
        },
      }),
    )
    const s = createSession(cloudConfig(), { fetch: c.fetch })
    await assert.rejects(s.client('compute'), (e: CloudApiError) => {
      assert.equal(e.kind, 'auth')
      assert.match(
        e.message,
        /authentication failed at https:\/\/iam\.eu-de\.otc\.t-systems\.com\/v3 .* — check username\/password\/domain/,
      )
      assert.ok(!e.message.includes('S3cret-pass!'))
      return true
    })
    assert.equal(c.calls.length, 1)
  })
  it('unreachable Keystone: cannot reach <origin>', async () => {
    const c = fakeFetch(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } })
    })
    const s = createSession(cloudConfig(), { fetch: c.fetch })
    await assert.rejects(
      s.info(),
      /cannot reach https:\/\/iam\.eu-de\.otc\.t-systems\.com \(ENOTFOUND\)/,
    )
  })
})

describe('createSession: application credentials', () => {
  it('sends the credential without scope; IAM falls back to the project token', async () => {
    const c = fakeCloud()
    const cfg = cloudConfig({
      auth: {
        type: 'application_credential',
        id: 'ac-1',
        secret: 'ac-secret-value',
        userDomain: {},
      },
      project: { domain: {} },
    })
    const s = createSession(cfg, { fetch: c.fetch, now: () => T0 })
    await (await s.client('iam')).request({ op: 'ListUsers', path: '/v3.0/OS-USER/users' }, Any)
    assert.equal(c.tokenPosts().length, 1)
    assert.deepEqual(JSON.parse(c.tokenPosts()[0]!.body!).auth, {
      identity: {
        methods: ['application_credential'],
        application_credential: { id: 'ac-1', secret: 'ac-secret-value' },
      },
    })
  })
})

describe('createSession: AK/SK', () => {
  const AK = 'AKEXAMPLE0000000000'
  const SK = 'SKEXAMPLE00000000000000000000000000000000'
  it('looks up domain, project and catalog, then signs every request', async () => {
    const f = fakeFetch((req) => {
      const v = verifySignature(
        { method: req.method, url: req.url, headers: req.headers, body: req.body },
        (ak) => (ak === AK ? SK : undefined),
        T0,
      )
      if (!v.ok) return json(401, { error_code: 'APIGW.0301', error_msg: v.reason })
      if (req.url.pathname === '/v3/auth/domains')
        return json(200, {
          domains: [{ id: DOMAIN_ID, name: 'OTC00000000001000000317', enabled: true }],
        })
      if (req.url.pathname === '/v3/projects')
        return json(200, {
          projects: [{ id: PID, name: 'eu-de', domain_id: DOMAIN_ID, enabled: true }],
          links: { self: 'x', next: null },
        })
      if (req.url.pathname === '/v3/auth/catalog') return json(200, { catalog: otcCatalog() })
      return json(200, {})
    })
    const cfg = cloudConfig({ auth: { type: 'aksk', ak: AK, sk: SK, domain: {} } })
    const s = createSession(cfg, { fetch: f.fetch, now: () => T0 })
    await (await s.client('compute')).request(get, Any)
    assert.deepEqual(
      f.calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`),
      [
        'GET /v3/auth/domains',
        `GET /v3/projects?name=eu-de&domain_id=${DOMAIN_ID}`,
        'GET /v3/auth/catalog',
        `GET /v2.1/${PID}/servers/detail`,
      ],
    )
    assert.equal(f.calls[1]!.headers.get('x-domain-id'), DOMAIN_ID)
    assert.equal(f.calls[2]!.headers.get('x-project-id'), PID)
    const last = f.calls[3]!
    assert.match(
      last.headers.get('authorization') ?? '',
      /^SDK-HMAC-SHA256 Access=AKEXAMPLE0000000000, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    )
    assert.equal(last.headers.get('x-sdk-date'), '20240101T120000Z')
    assert.equal(last.headers.get('x-project-id'), PID)
    assert.equal(last.headers.get('x-auth-token'), null)
    assert.ok(f.calls.every((c) => c.url.pathname !== '/v3/auth/tokens'))
  })
  it('a rejected signature is an auth error without retry or re-auth', async () => {
    const f = fakeFetch(() =>
      json(401, {
        error_code: 'APIGW.0301',
        error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      }),
    )
    const s = createSession(
      cloudConfig({
        auth: { type: 'aksk', ak: AK, sk: SK, domain: { id: DOMAIN_ID } },
        project: { id: PID, domain: {} },
      }),
      { fetch: f.fetch, now: () => T0 },
    )
    await assert.rejects(
      s.info(),
      (e: CloudApiError) => e.kind === 'auth' && e.code === 'APIGW.0301' && !e.message.includes(SK),
    )
    assert.equal(f.calls.length, 1)
    assert.equal(f.calls[0]!.url.pathname, '/v3/auth/catalog')
  })
})

describe('createSession: endpoints', () => {
  it('unknown region: lists the regions of the catalog', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig({ region: 'eu-nl' }), { fetch: c.fetch, now: () => T0 })
    await assert.rejects(
      s.client('compute'),
      (e: ServiceUnavailableError) =>
        e instanceof ServiceUnavailableError &&
        /no endpoint for service compute in region eu-nl; regions in the catalog: eu-de/.test(
          e.message,
        ),
    )
  })
  it('missingServices names what the catalog lacks; overrides fill gaps', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0 })
    const missing = await s.missingServices()
    assert.deepEqual(
      missing.map((m) => m.serviceKey),
      ['cbr'],
    )
    assert.match(missing[0]!.message, /looked for types: cbr/)
    const o = createSession(
      cloudConfig({ endpointOverrides: { cbr: `http://127.0.0.1:9999/v3/${PID}` } }),
      { fetch: c.fetch, now: () => T0 },
    )
    assert.deepEqual(await o.missingServices(), [])
    assert.equal((await o.client('cbr')).endpoint, 'http://127.0.0.1:9999')
  })

  it('tells a client which of its catalog types the region lists (none for an override)', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0 })
    assert.deepEqual((await s.client('volume')).catalogTypes, ['volumev2'])
    assert.deepEqual((await s.client('cts')).catalogTypes, ['cts'])
    const o = createSession(
      cloudConfig({ endpointOverrides: { volume: `http://127.0.0.1:9999/v3/${PID}` } }),
      { fetch: c.fetch, now: () => T0 },
    )
    assert.deepEqual((await o.client('volume')).catalogTypes, [])
  })
  it('plain OpenStack: iam is unavailable (not an auth failure) and no domain token is asked for', async () => {
    const at = (port: number, path = '') => ({ RegionOne: `http://127.0.0.1:${port}${path}` })
    const catalog = [
      entry('identity', at(5000, '/v3')),
      entry('compute', at(8774, '/v2.1')),
      entry('volumev3', at(8776, `/v3/${PID}`)),
    ]
    const f = fakeFetch((req) => {
      const body = JSON.parse(req.body ?? '{}')
      // Keystone refuses a domain-scoped token to a user with only project roles.
      if (body.auth?.scope?.domain)
        return json(401, {
          error: { code: 401, message: 'The request you have made requires authentication.' },
        })
      return json(201, tokenBody({ expiresAt: T0 + DAY, catalog }), { 'X-Subject-Token': 't' })
    })
    const s = createSession(
      cloudConfig({ authUrl: 'http://127.0.0.1:5000/v3', region: 'RegionOne' }),
      { fetch: f.fetch, now: () => T0 },
    )
    await assert.rejects(s.client('iam'), (e: ServiceUnavailableError) => {
      assert.ok(e instanceof ServiceUnavailableError)
      assert.equal(e.kind, 'not_found')
      assert.match(e.reason ?? '', /IAM extension API .* is OTC's/)
      return true
    })
    assert.equal((await s.client('identity')).endpoint, 'http://127.0.0.1:5000')
    assert.deepEqual(
      (await s.missingServices()).map((m) => m.serviceKey),
      [
        'iam',
        'image',
        'network',
        'cbr',
        'ces',
        'cts',
        'rds',
        'obs',
        'kms',
        'dcs',
        'vpc',
        'elb',
        'cce',
      ],
    )
    assert.equal(f.calls.length, 1, 'one project-scoped token, nothing else')
  })
  it('info and stats', async () => {
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0 })
    await (await s.client('compute')).request(get, Any)
    const info = await s.info()
    assert.equal(info.projectId, PID)
    assert.equal(info.authMethod, 'password')
    assert.ok(info.catalogTypes.includes('rdsv3'))
    const st = s.stats()
    assert.equal(st.identity?.requests, 1)
    assert.equal(st.compute?.pages, 1)
  })
  it('debug logs carry no password or token', async () => {
    const lines: string[] = []
    const sink = (m: string, f?: LogFields) => lines.push(`${m} ${JSON.stringify(f)}`)
    const logger: Logger = { debug: sink, info: sink, warn: sink, error: sink }
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, now: () => T0, logger })
    await (await s.client('compute')).request({ ...get, query: { password: 'S3cret-pass!' } }, Any)
    const all = lines.join('\n')
    assert.match(all, /endpoint .*"service":"compute"/)
    assert.ok(!all.includes('S3cret-pass!') && !all.includes('tok-1'), all)
  })
  it('the run signal aborts requests', async () => {
    const ac = new AbortController()
    ac.abort()
    const c = fakeCloud()
    const s = createSession(cloudConfig(), { fetch: c.fetch, signal: ac.signal })
    await assert.rejects(
      s.info(),
      (e: CloudApiError) => e instanceof CloudApiError && e.kind === 'aborted',
    )
    assert.equal(c.calls.length, 0)
  })
})
