import assert from 'node:assert/strict'
import { createServer, type Socket } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { passwordCloudConfig } from '../../config/cloud-config.ts'
import { CloudApiError } from './errors.ts'
import { createSession } from './session.ts'

/** A TCP server on 127.0.0.1 that accepts connections and never answers (a hung Keystone). */
function silentServer() {
  const sockets = new Set<Socket>()
  const server = createServer((s) => {
    sockets.add(s)
    s.on('error', () => {})
  })
  return {
    server,
    close: () => {
      for (const s of sockets) s.destroy()
      return new Promise<void>((r) => server.close(() => r()))
    },
  }
}

describe('authentication budget (a silent endpoint)', () => {
  const silent = silentServer()
  let url = ''
  before(async () => {
    await new Promise<void>((r) => silent.server.listen(0, '127.0.0.1', r))
    const port = (silent.server.address() as { port: number }).port
    url = `http://127.0.0.1:${port}/v3`
  })
  after(() => silent.close())

  it('gives up within the auth budget, all retries included, naming the URL that hung', async () => {
    const config = {
      ...passwordCloudConfig({
        authUrl: url,
        username: 'u',
        password: 'Secret-Pass-1',
        projectName: 'eu-de',
        domainName: 'OTC0001',
        region: 'eu-de',
      }),
      timeoutMs: 30_000,
      authTimeoutMs: 1_200,
    }
    const started = Date.now()
    await assert.rejects(createSession(config).info(), (e: unknown) => {
      assert.ok(e instanceof CloudApiError)
      assert.equal(e.kind, 'timeout')
      assert.match(e.message, /POST/)
      assert.ok(e.message.includes(`/v3/auth/tokens`), e.message)
      assert.ok(e.message.includes(new URL(url).origin), e.message)
      assert.match(e.message, /--auth-timeout/)
      assert.match(e.message, /no response from http:\/\/127\.0\.0\.1:\d+ within 1\.2 s/)
      assert.ok(!e.message.includes('Secret-Pass-1'))
      return true
    })
    const took = Date.now() - started
    // The budget bounds the wait; a per-request timeout of 30 s with 5 attempts would take minutes.
    assert.ok(took < 5_000, `took ${took} ms`)
  })
})
