import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmulator, ORIGIN, passwordAuth, postToken } from './_test-kit.ts'
import { type AnsweredRequest, MAX_REQUEST_BODY_BYTES } from './app.ts'

describe('createEmulator: request body limit', () => {
  const { app, world } = demoEmulator()

  it('answers 413 in Keystone’s error format for a body over the limit, with or without a length', async () => {
    const big = `{"pad":"${'x'.repeat(MAX_REQUEST_BODY_BYTES)}"}`
    const sized = await app.request(`${ORIGIN}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      body: big,
    })
    assert.equal(sized.status, 413)
    const body = await sized.json()
    assert.equal(body.error.code, 413)
    assert.equal(body.error.title, 'Request Entity Too Large')
    assert.match(body.error.message, /larger than 1048576 bytes/)
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new TextEncoder().encode('y'.repeat(512 * 1024)))
        c.close()
      },
    })
    const streamed = await app.request(`${ORIGIN}/compute/v2.1/servers`, {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit)
    assert.equal(streamed.status, 413)
    assert.equal((await streamed.json()).overLimit.code, 413, 'Nova’s fault format')
  })

  it('still reads bodies within the limit', async () => {
    const res = await postToken(app, passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!'))
    assert.equal(res.status, 201)
  })
})

describe('createEmulator: onAnswered', () => {
  it("reports each request's id with when it came and when its answer was ready", async () => {
    const seen: AnsweredRequest[] = []
    const { app, world } = demoEmulator({ latencyMs: 15, onAnswered: (a) => seen.push(a) })
    const before = performance.timeOrigin + performance.now()
    const ok = await postToken(app, passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!'))
    const domain = await postToken(
      app,
      passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!', 'domain'),
    )
    const after = performance.timeOrigin + performance.now()
    assert.deepEqual(
      seen.map((a) => a.requestId),
      [ok.headers.get('X-Request-Id'), domain.headers.get('X-Request-Id')],
    )
    for (const a of seen) {
      assert.ok(before <= a.receivedAt && a.answeredAt <= after, 'epoch milliseconds')
      assert.ok(a.answeredAt - a.receivedAt >= 14, 'the latency is inside the emulator')
    }
  })
})
