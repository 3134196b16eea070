import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import type { LogFields, Logger } from '../../log/logger.ts'
import { fakeFetch, json, type SeenRequest, socketError } from './_test-kit.ts'
import type { CloudApiError } from './errors.ts'
import { createStats, type HttpContext } from './http.ts'
import { createLimiter } from './limiter.ts'
import { createRedactor, redactingLogger } from './redact.ts'
import { DEFAULT_RETRY_POLICY } from './retry.ts'
import {
  type ClientBinding,
  createServiceClient,
  type RequestAuth,
  SLICED_BODY_CHARS,
} from './service-client.ts'

const Servers = z.object({ servers: z.array(z.object({ id: z.string(), name: z.string() })) })
const TOKEN = 'tok-secret-value-1234'

function setup(
  handler: (req: SeenRequest, n: number) => Response | Promise<Response>,
  over: Partial<ClientBinding> = {},
  signal?: AbortSignal,
) {
  const f = fakeFetch(handler)
  const waits: number[] = []
  const lines: string[] = []
  const sink = (msg: string, fields?: LogFields) => lines.push(`${msg} ${JSON.stringify(fields)}`)
  const raw: Logger = { debug: sink, info: sink, warn: sink, error: sink }
  const redactor = createRedactor([TOKEN])
  const ctx: HttpContext = {
    fetch: f.fetch,
    logger: redactingLogger(raw, redactor),
    redactor,
    now: () => 0,
    sleep: async (ms, s) => {
      s?.throwIfAborted()
      waits.push(ms)
    },
    random: () => 0.5,
    signal,
    timeoutMs: 1000,
    retry: DEFAULT_RETRY_POLICY,
    stats: createStats(),
  }
  let renewed = 0
  const auth: RequestAuth = {
    headers: async () => ({ 'X-Auth-Token': `${TOKEN}-${renewed}` }),
    renew: () => {
      renewed++
      return true
    },
  }
  const client = createServiceClient(ctx, {
    service: 'compute',
    endpoint: 'https://ecs.example',
    projectId: 'p1',
    domainId: 'd1',
    region: 'eu-de',
    limiter: createLimiter(),
    auth,
    ...over,
  })
  return { client, calls: f.calls, waits, lines, ctx, renewed: () => renewed }
}
const list = { op: 'ListServers', path: '/v2.1/{project_id}/servers/detail' }
const ok = () => json(200, { servers: [{ id: 's1', name: 'web' }] })

describe('ServiceClient.request', () => {
  it('sends Accept, the token and the substituted path; parses with the schema', async () => {
    const s = setup(ok)
    const res = await s.client.request({ ...list, query: { limit: 2 } }, Servers)
    assert.deepEqual(res.body.servers, [{ id: 's1', name: 'web' }])
    const req = s.calls[0]!
    assert.equal(req.url.toString(), 'https://ecs.example/v2.1/p1/servers/detail?limit=2')
    assert.equal(req.headers.get('accept'), 'application/json')
    assert.equal(req.headers.get('x-auth-token'), `${TOKEN}-0`)
    assert.equal(req.headers.get('content-type'), null)
    assert.equal(req.headers.get('x-openstack-nova-api-version'), null)
  })
  it('sends JSON bodies with Content-Type', async () => {
    const s = setup(() => json(201, {}))
    await s.client.request(
      { op: 'Create', method: 'POST', path: '/v1/x', body: { a: 1 } },
      z.object({}),
    )
    assert.equal(s.calls[0]!.body, '{"a":1}')
    assert.equal(s.calls[0]!.headers.get('content-type'), 'application/json')
  })
  it('a body that does not match is a schema error naming the path', async () => {
    const s = setup(() =>
      json(200, { servers: [{ id: 7, name: 'web' }] }, { 'X-Compute-Request-Id': 'req-c' }),
    )
    await assert.rejects(s.client.request(list, Servers), (e: CloudApiError) => {
      assert.equal(e.kind, 'schema')
      assert.equal(e.requestId, 'req-c')
      assert.match(e.message, /unexpected response body: servers\[0\]\.id: /)
      return true
    })
    const t = setup(() => new Response('<html>oops</html>', { status: 200 }))
    await assert.rejects(
      t.client.request(list, Servers),
      (e: CloudApiError) => e.kind === 'schema' && /not JSON/.test(e.message),
    )
  })
  it('follows same-origin absolute links, refuses others without sending', async () => {
    const s = setup(ok)
    await s.client.request(
      { op: 'ListServers', path: 'https://ecs.example/v2.1/p1/servers/detail?marker=a' },
      Servers,
    )
    assert.equal(s.calls[0]!.url.search, '?marker=a')
    await assert.rejects(
      s.client.request(
        { op: 'ListServers', path: 'https://evil.example/v2.1/servers?marker=a' },
        Servers,
      ),
      (e: CloudApiError) =>
        e.kind === 'client' && /another origin \(https:\/\/evil\.example\)/.test(e.message),
    )
    assert.equal(s.calls.length, 1)
  })
  it('retries 429 honouring Retry-After, then succeeds; counts stats', async () => {
    const s = setup((_r, n) =>
      n === 1
        ? json(429, { error_code: 'APIGW.0308', error_msg: 'slow down' }, { 'Retry-After': '3' })
        : ok(),
    )
    await s.client.request(list, Servers)
    assert.deepEqual(s.waits, [3000])
    assert.deepEqual(s.ctx.stats.snapshot().compute, {
      requests: 2,
      pages: 1,
      retries: 1,
      throttled: 1,
      errors: 0,
      durationMs: 0,
    })
  })
  it('retries 503 and socket errors with backoff', async () => {
    const s = setup((_r, n) => {
      if (n === 1) return json(503, {})
      if (n === 2) throw socketError('ECONNRESET')
      return ok()
    })
    await s.client.request(list, Servers)
    assert.deepEqual(s.waits, [250, 500])
    assert.equal(s.calls.length, 3)
  })
  it('gives up after maxAttempts with the attempts in the error', async () => {
    const s = setup(() => json(502, {}))
    await assert.rejects(
      s.client.request(list, Servers),
      (e: CloudApiError) => e.kind === 'transient' && e.attempts === 5,
    )
    assert.equal(s.ctx.stats.snapshot().compute?.errors, 1)
  })
  it('does not retry a POST on 503 unless marked idempotent', async () => {
    const s = setup(() => json(503, {}))
    await assert.rejects(
      s.client.request({ op: 'Create', method: 'POST', path: '/x', body: {} }, z.unknown()),
    )
    assert.equal(s.calls.length, 1)
    await assert.rejects(
      s.client.request(
        { op: 'Create', method: 'POST', path: '/x', body: {}, idempotent: true },
        z.unknown(),
      ),
    )
    assert.equal(s.calls.length, 6)
  })
  it('never retries after the caller aborts', async () => {
    const ac = new AbortController()
    const s = setup(
      () => {
        ac.abort()
        return json(503, {})
      },
      {},
      ac.signal,
    )
    await assert.rejects(
      s.client.request(list, Servers),
      (e: CloudApiError) => e.kind === 'transient' || e.kind === 'aborted',
    )
    assert.equal(s.calls.length, 1)
    await assert.rejects(
      s.client.request(list, Servers),
      (e: CloudApiError) => e.kind === 'aborted',
    )
    assert.equal(s.calls.length, 1)
  })
  it('401: renews once and retries; a second 401 is a clear auth error', async () => {
    const s = setup((req) =>
      req.headers.get('x-auth-token') === `${TOKEN}-1`
        ? ok()
        : json(401, { error: { code: 401, message: 'expired' } }),
    )
    await s.client.request(list, Servers)
    assert.equal(s.renewed(), 1)
    const t = setup(() => json(401, {}))
    await assert.rejects(
      t.client.request(list, Servers),
      (e: CloudApiError) =>
        e.kind === 'auth' && /rejected again right after re-authenticating/.test(e.message),
    )
    assert.equal(t.calls.length, 2)
  })
  it('401 without renewal (AK/SK) fails at once', async () => {
    const s = setup(
      () => json(401, { error_code: 'APIGW.0301', error_msg: 'verify aksk signature fail' }),
      {
        auth: { headers: async () => ({}), renew: () => false },
      },
    )
    await assert.rejects(
      s.client.request(list, Servers),
      (e: CloudApiError) => e.kind === 'auth' && e.code === 'APIGW.0301',
    )
    assert.equal(s.calls.length, 1)
  })
  it('logs method, path, status, durationMs and attempt, without the token', async () => {
    const s = setup((_r, n) => (n === 1 ? json(500, { message: `bad ${TOKEN}-0` }) : ok()))
    await s.client.request({ ...list, headers: { 'X-Auth-Token': TOKEN } }, Servers)
    const all = s.lines.join('\n')
    assert.match(
      all,
      /^http \{"service":"compute","op":"ListServers","method":"GET","path":"\/v2.1\/p1\/servers\/detail","status":500,"durationMs":0,"attempt":1\}$/m,
    )
    assert.match(all, /"status":200,"durationMs":0,"attempt":2/)
    assert.ok(!all.includes(TOKEN), all)
  })
})

describe('ServiceClient.requestItems (items validated in time slices)', () => {
  const Item = z.object({ id: z.string(), name: z.string(), size: z.number().optional() })
  const Page = z.object({
    servers: z.array(Item),
    servers_links: z.array(z.object({ rel: z.string(), href: z.string() })).optional(),
    count: z.number(),
  })
  const split = {
    key: 'servers',
    item: Item,
    envelope: Page.extend({ servers: z.array(z.unknown()) }),
  }
  // Pages this large take the sliced path (smaller ones are validated whole).
  const pad = 'x'.repeat(100)
  const valid = Array.from({ length: 1500 }, (_, i) => ({ id: `v${i}`, name: 'ok', pad }))
  const both = async (body: unknown) => {
    if (body && typeof body === 'object')
      assert.ok(JSON.stringify(body).length >= SLICED_BODY_CHARS, 'a page for the sliced path')
    const a = setup(() => json(200, body, { 'X-Compute-Request-Id': 'req-x' }))
    const b = setup(() => json(200, body, { 'X-Compute-Request-Id': 'req-x' }))
    const outcome = (p: Promise<{ body: unknown }>) =>
      p.then(
        (r) => ({ ok: true as const, body: r.body }),
        (e: CloudApiError) => ({
          ok: false as const,
          message: e.message,
          kind: e.kind,
          id: e.requestId,
        }),
      )
    const whole = await outcome(a.client.request(list, Page))
    const sliced = await outcome(b.client.requestItems!(list, Page, split))
    return { whole, sliced, statsA: a.ctx.stats.snapshot(), statsB: b.ctx.stats.snapshot() }
  }

  it('gives what the page schema gives, field order and stripped keys included', async () => {
    const servers = Array.from({ length: 2500 }, (_, i) => ({
      extra: pad,
      name: `vm-${i}`,
      id: `s${i}`,
      ...(i % 3 === 0 ? { size: i } : {}),
    }))
    const r = await both({ unknown: 1, count: 2500, servers, servers_links: [] })
    assert.equal(r.sliced.ok, true)
    assert.equal(JSON.stringify(r.sliced), JSON.stringify(r.whole))
  })

  it('a bad item, a bad envelope or no JSON: the same error as the page schema', async () => {
    const servers = [...valid, { id: 3, name: 4 }]
    const filler = valid.map((v) => v.pad)
    for (const body of [
      { count: 3, servers },
      { count: 'three', servers },
      { count: 3, servers: 'none', filler },
      { count: 3, filler },
      null,
    ]) {
      const r = await both(body)
      assert.equal(r.sliced.ok, false, JSON.stringify(body))
      assert.deepEqual(r.sliced, r.whole)
      assert.deepEqual(r.statsB, r.statsA)
    }
    const r = await both({ count: 3, servers })
    assert.match(
      r.sliced.ok ? '' : r.sliced.message,
      /servers\[1500\]\.id: .*servers\[1500\]\.name: /,
    )
  })

  it('with each: every item replaced by what each makes of the validated item, on both paths', async () => {
    const seen: unknown[] = []
    const each = (item: unknown) => {
      seen.push(item)
      return `mapped ${(item as { id: string }).id}`
    }
    for (const n of [3, 2500]) {
      seen.length = 0
      const servers = Array.from({ length: n }, (_, i) => ({ extra: pad, name: 'x', id: `s${i}` }))
      const c = setup(() => json(200, { count: n, servers }))
      const res = await c.client.requestItems!(list, Page, split, each)
      const body = res.body as { servers: unknown[]; count: number }
      assert.equal(body.count, n)
      assert.deepEqual(
        body.servers,
        servers.map((s) => `mapped ${s.id}`),
      )
      // each sees the validated item (unknown keys stripped), once per item, in order.
      assert.deepEqual(seen[0], { id: 's0', name: 'x' })
      assert.equal(seen.length, n)
    }
    // A bad item: zod's error, as without each.
    const bad = setup(() => json(200, { count: 3, servers: [...valid, { id: 3, name: 4 }] }))
    await assert.rejects(bad.client.requestItems!(list, Page, split, each), /servers\[1500\]\.id/)
    assert.equal(bad.ctx.stats.snapshot().compute?.errors, 1)
  })

  it('with each: a mapping that throws rejects with its error and is no error of the API', async () => {
    for (const n of [3, 2500]) {
      const servers = Array.from({ length: n }, (_, i) => ({ name: 'x', id: `s${i}`, pad }))
      const c = setup(() => json(200, { count: n, servers }))
      await assert.rejects(
        c.client.requestItems!(list, Page, split, () => {
          throw new TypeError('mapping bug')
        }),
        /mapping bug/,
      )
      assert.equal(c.ctx.stats.snapshot().compute?.errors ?? 0, 0, `${n} items`)
    }
  })
})
