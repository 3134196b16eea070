import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { noopLogger } from '../../log/logger.ts'
import { fakeFetch, json, socketError } from './_test-kit.ts'
import type { CloudApiError } from './errors.ts'
import {
  buildUrl,
  createStats,
  foreignOrigin,
  type HttpContext,
  requestIdOf,
  sendOnce,
  type WireRequest,
} from './http.ts'
import { createRedactor } from './redact.ts'
import { DEFAULT_RETRY_POLICY } from './retry.ts'

const ctxWith = (f: typeof fetch, over: Partial<HttpContext> = {}): HttpContext => ({
  fetch: f,
  logger: noopLogger,
  redactor: createRedactor(['hunter2-secret']),
  now: () => 0,
  sleep: async () => {},
  random: () => 0.5,
  timeoutMs: 1000,
  retry: DEFAULT_RETRY_POLICY,
  stats: createStats(),
  ...over,
})
const wire = (over: Partial<WireRequest> = {}): WireRequest => ({
  service: 'compute',
  op: 'ListServers',
  method: 'GET',
  url: new URL('https://ecs.example/v2.1/p/servers/detail?password=hunter2-secret'),
  headers: {},
  ...over,
})

describe('buildUrl / foreignOrigin', () => {
  const ids = { projectId: 'p 1', domainId: 'd1' }
  it('substitutes ids and appends the query, skipping undefined', () => {
    assert.equal(
      buildUrl(
        'https://x.example/root',
        '/v2.1/{project_id}/servers',
        { limit: 5, marker: undefined, all: true },
        ids,
      ).toString(),
      'https://x.example/root/v2.1/p%201/servers?limit=5&all=true',
    )
    assert.equal(
      buildUrl('https://x.example', '/v3.0/OS-USER/{domain_id}', undefined, ids).toString(),
      'https://x.example/v3.0/OS-USER/d1',
    )
  })
  it('keeps the query of a relative next link and takes absolute links as they are', () => {
    assert.equal(
      buildUrl('https://x.example', '/v2/images?marker=m1&limit=2', undefined, ids).toString(),
      'https://x.example/v2/images?marker=m1&limit=2',
    )
    assert.equal(
      buildUrl(
        'https://x.example',
        'https://x.example/v2.0/ports?marker=a',
        undefined,
        ids,
      ).toString(),
      'https://x.example/v2.0/ports?marker=a',
    )
  })
  it('spots links to another origin', () => {
    assert.equal(foreignOrigin('https://x.example/a', 'https://x.example/b'), undefined)
    assert.equal(foreignOrigin('https://x.example/a', '/b'), undefined)
    assert.equal(
      foreignOrigin('https://x.example', 'https://evil.example/b'),
      'https://evil.example',
    )
    assert.equal(foreignOrigin('https://x.example', 'http://x.example/b'), 'http://x.example')
  })
})

describe('sendOnce', () => {
  it('returns expected responses and reads request ids', async () => {
    const { fetch } = fakeFetch(() => json(200, { ok: 1 }, { 'X-Openstack-Request-Id': 'req-9' }))
    const res = await sendOnce(ctxWith(fetch), wire(), undefined)
    assert.equal(res.status, 200)
    assert.equal(requestIdOf(res.headers), 'req-9')
  })
  it('turns an error status into a CloudApiError with code, detail, request id, no secret in url', async () => {
    const { fetch } = fakeFetch(() =>
      json(
        403,
        { error_code: 'IAM.0002', error_msg: "Policy doesn't allow ecs:servers:list" },
        { 'X-Request-Id': 'req-1a2b' },
      ),
    )
    await assert.rejects(sendOnce(ctxWith(fetch), wire(), undefined), (e: CloudApiError) => {
      assert.equal(e.kind, 'forbidden')
      assert.equal(e.code, 'IAM.0002')
      assert.equal(e.requestId, 'req-1a2b')
      assert.ok(!e.url.includes('hunter2') && !e.message.includes('hunter2'))
      assert.equal(
        e.message,
        "[GET] compute /v2.1/p/servers/detail: 403 Forbidden (req-1a2b): IAM.0002 Policy doesn't allow ecs:servers:list — the user lacks the permission this call needs (ListServers)",
      )
      return true
    })
  })
  it('reads Retry-After on 429', async () => {
    const { fetch } = fakeFetch(() =>
      json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': '2' }),
    )
    await assert.rejects(
      sendOnce(ctxWith(fetch), wire(), undefined),
      (e: CloudApiError) => e.kind === 'throttled' && e.retryAfterMs === 2000,
    )
  })
  it('socket failure: "cannot reach <origin> (CODE)"', async () => {
    const { fetch } = fakeFetch(() => {
      throw socketError('ECONNREFUSED')
    })
    await assert.rejects(
      sendOnce(ctxWith(fetch), wire(), undefined),
      (e: CloudApiError) =>
        e.kind === 'network' &&
        /cannot reach https:\/\/ecs\.example \(ECONNREFUSED\)/.test(e.message),
    )
  })
  it('times out a slow response (kind timeout) and tells an abort (kind aborted) apart', async () => {
    const hang = fakeFetch(
      (req) =>
        new Promise((_r, reject) =>
          req.signal?.addEventListener('abort', () => reject(req.signal?.reason)),
        ),
    )
    await assert.rejects(
      sendOnce(ctxWith(hang.fetch, { timeoutMs: 20 }), wire(), undefined),
      (e: CloudApiError) =>
        e.kind === 'timeout' && /no response from https?:\/\/[^ ]+ within 0\.02 s/.test(e.message),
    )
    const ac = new AbortController()
    const p = sendOnce(ctxWith(hang.fetch), wire(), ac.signal)
    ac.abort()
    await assert.rejects(p, (e: CloudApiError) => e.kind === 'aborted')
  })
  it('does not follow redirects (the token must not travel)', async () => {
    const { fetch, calls } = fakeFetch(
      () =>
        new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/x' } }),
    )
    await assert.rejects(
      sendOnce(ctxWith(fetch), wire(), undefined),
      (e: CloudApiError) =>
        e.kind === 'client' && /redirected to https:\/\/elsewhere\.example\/x/.test(e.message),
    )
    assert.equal(calls.length, 1)
  })
  it('honours `expect`', async () => {
    const { fetch } = fakeFetch(() => json(200, {}))
    await assert.rejects(
      sendOnce(ctxWith(fetch), wire({ expect: [201] }), undefined),
      (e: CloudApiError) => e.kind === 'client',
    )
  })
})
