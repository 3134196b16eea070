/**
 * What one request costs the client beyond the wire (issue 16, bench/request-cpu.bench.ts): at
 * most one URL redaction, no debug record when debug lines are dropped, one listener on the run's
 * signal however many requests are in flight. Counts calls, never time.
 */
import assert from 'node:assert/strict'
import { getEventListeners } from 'node:events'
import { describe, it } from 'node:test'
import { z } from 'zod'
import type { LogFields, Logger } from '../../log/logger.ts'
import { fakeFetch, json, type SeenRequest } from './_test-kit.ts'
import type { CloudApiError } from './errors.ts'
import { createStats, type HttpContext } from './http.ts'
import { createLimiter } from './limiter.ts'
import { createRedactor, redactingLogger } from './redact.ts'
import { DEFAULT_RETRY_POLICY } from './retry.ts'
import { createServiceClient } from './service-client.ts'

const Body = z.object({ ok: z.boolean() })

function setup(
  handler: (req: SeenRequest) => Response | Promise<Response>,
  opts: { debug: boolean; signal?: AbortSignal },
) {
  const lines: string[] = []
  const sink = (msg: string, fields?: LogFields) => lines.push(`${msg} ${JSON.stringify(fields)}`)
  const raw: Logger = {
    debug: sink,
    info: sink,
    warn: sink,
    error: sink,
    enabled: (level) => opts.debug || level !== 'debug',
  }
  const base = createRedactor(['secret-value-1234'])
  let redactions = 0
  const redactor = {
    ...base,
    url: (u: string | URL) => {
      redactions++
      return base.url(u)
    },
  }
  const ctx: HttpContext = {
    fetch: fakeFetch(handler).fetch,
    logger: redactingLogger(raw, redactor),
    redactor,
    now: () => 0,
    sleep: async () => {},
    random: () => 0.5,
    signal: opts.signal,
    timeoutMs: 1000,
    retry: DEFAULT_RETRY_POLICY,
    stats: createStats(),
  }
  const client = createServiceClient(ctx, {
    service: 'iam',
    endpoint: 'https://iam.example',
    projectId: 'p1',
    domainId: 'd1',
    region: 'eu-de',
    limiter: createLimiter({ concurrency: 2 }),
  })
  return { client, lines, redactions: () => redactions }
}
const call = { op: 'ShowCredential', path: '/v3.0/OS-CREDENTIAL/credentials/AK1' }

describe('ServiceClient.request: cost per request', () => {
  it('a success with debug off builds no debug record and redacts nothing until its url is read', async () => {
    const s = setup(() => json(200, { ok: true }), { debug: false })
    const res = await s.client.request(call, Body)
    assert.deepEqual(res.body, { ok: true })
    assert.deepEqual(s.lines, [])
    assert.equal(s.redactions(), 0)
    assert.equal(res.url, 'https://iam.example/v3.0/OS-CREDENTIAL/credentials/AK1')
    assert.equal(res.url, 'https://iam.example/v3.0/OS-CREDENTIAL/credentials/AK1')
    assert.equal(s.redactions(), 1)
  })
  it('with debug on, the record is written and the URL redacted once for it and the result', async () => {
    const s = setup(() => json(200, { ok: true }), { debug: true })
    const res = await s.client.request({ ...call, query: { token: 'secret-value-1234' } }, Body)
    assert.equal(s.lines.length, 1)
    assert.match(
      s.lines[0]!,
      /^http .*"path":"\/v3.0\/OS-CREDENTIAL\/credentials\/AK1\?token=\*\*\*"/,
    )
    assert.equal(res.url, 'https://iam.example/v3.0/OS-CREDENTIAL/credentials/AK1?token=***')
    assert.equal(s.redactions(), 1)
  })
  it('a failed request redacts its URL once, and the error carries it redacted', async () => {
    const s = setup(() => json(404, { error: { message: 'no such key' } }), { debug: true })
    const err = (await s.client
      .request({ ...call, query: { sk: 'secret-value-1234' } }, Body)
      .catch((e: unknown) => e)) as CloudApiError
    assert.equal(err.kind, 'not_found')
    assert.equal(err.url, 'https://iam.example/v3.0/OS-CREDENTIAL/credentials/AK1?sk=***')
    assert.equal(s.redactions(), 1)
  })
  it('requests in flight and waiting add one listener to the run signal, none left after', async () => {
    const run = new AbortController()
    let release = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    const s = setup(
      async () => {
        await gate
        return json(200, { ok: true })
      },
      { debug: false, signal: run.signal },
    )
    const all = Array.from({ length: 12 }, () => s.client.request(call, Body))
    await new Promise((r) => setImmediate(r))
    assert.equal(getEventListeners(run.signal, 'abort').length, 1)
    release()
    await Promise.all(all)
  })
  it('the run signal still aborts a request in flight', async () => {
    const run = new AbortController()
    const s = setup(
      (req) =>
        new Promise<Response>((_, reject) =>
          req.signal?.addEventListener('abort', () => reject(req.signal?.reason)),
        ),
      { debug: false, signal: run.signal },
    )
    const pending = s.client.request(call, Body).catch((e: unknown) => e)
    await new Promise((r) => setImmediate(r))
    run.abort(new Error('interrupted'))
    const err = (await pending) as CloudApiError
    assert.equal(err.kind, 'aborted')
    assert.match(err.message, /interrupted/)
  })
})
