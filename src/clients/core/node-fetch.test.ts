import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { socketErrorCode } from './errors.ts'
import { bodyText, nodeFetch } from './node-fetch.ts'

const servers: Server[] = []
after(() => {
  for (const s of servers) s.close()
})

async function serve(
  handler: RequestListener,
  server: Server = createServer(),
  scheme = 'http',
): Promise<URL> {
  server.on('request', handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return new URL(`${scheme}://127.0.0.1:${port}/`)
}

const get = (url: URL, signal?: AbortSignal) =>
  nodeFetch(url, { method: 'GET', headers: { Accept: 'application/json' }, signal })

describe('nodeFetch', () => {
  it('sends method, headers and a UTF-8 body; answers status, headers and text over one kept-alive socket', async () => {
    const ports: number[] = []
    const url = await serve((req, res) => {
      ports.push(req.socket.remotePort ?? 0)
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (c: string) => {
        body += c
      })
      req.on('end', () => {
        res.setHeader('X-Subject-Token', 'tok')
        res.setHeader('Set-Cookie', ['a=1', 'b=2'])
        res.end(
          JSON.stringify({
            method: req.method,
            accept: req.headers.accept,
            length: req.headers['content-length'],
            body,
          }),
        )
      })
    })
    const res = await nodeFetch(new URL('/v3/auth/tokens?x=1', url), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{"name":"Jürgen"}',
    })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('x-subject-token'), 'tok')
    assert.equal(res.headers.get('X-SUBJECT-TOKEN'), 'tok')
    assert.equal(res.headers.get('set-cookie'), 'a=1, b=2')
    assert.equal(res.headers.get('x-missing'), null)
    assert.deepEqual(JSON.parse(await res.text()), {
      method: 'POST',
      accept: 'application/json',
      length: String(Buffer.byteLength('{"name":"Jürgen"}')),
      body: '{"name":"Jürgen"}',
    })
    await (await get(url)).text()
    assert.equal(ports.length, 2)
    assert.equal(ports[0], ports[1], 'the second request reused the socket')
  })

  it('follows no redirect', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(302, { Location: 'http://elsewhere.invalid/' })
      res.end()
    })
    const res = await get(url)
    assert.equal(res.status, 302)
    assert.equal(res.headers.get('location'), 'http://elsewhere.invalid/')
  })

  it('decodes gzip, deflate and br bodies and drops a UTF-8 BOM', async () => {
    const text = `\ufeff${JSON.stringify({ servers: Array.from({ length: 50 }, (_, i) => i) })}`
    const url = await serve((req, res) => {
      const enc = req.url?.slice(1) ?? ''
      const raw = Buffer.from(text, 'utf8')
      const body =
        enc === 'gzip'
          ? gzipSync(raw)
          : enc === 'deflate'
            ? deflateSync(raw)
            : enc === 'br'
              ? brotliCompressSync(raw)
              : raw
      res.writeHead(200, enc ? { 'Content-Encoding': enc } : {})
      res.end(body)
    })
    for (const enc of ['', 'gzip', 'deflate', 'br']) {
      const res = await get(new URL(`/${enc}`, url))
      assert.equal(await res.text(), text.slice(1), enc || 'identity')
    }
  })

  it('reads a body written in pieces as UTF-8: ASCII, characters split between pieces, bad bytes', async () => {
    const ascii = JSON.stringify({ servers: Array.from({ length: 3000 }, (_, i) => `server-${i}`) })
    const pieces: Record<string, Buffer[]> = {
      '/ascii': [Buffer.from(ascii.slice(0, 7)), Buffer.from(ascii.slice(7))],
      // "é" (c3 a9) and "€" (e2 82 ac) cut in the middle of their bytes.
      '/split': [
        Buffer.from([0x22, 0xc3]),
        Buffer.from([0xa9, 0xe2, 0x82]),
        Buffer.from([0xac, 0x22]),
      ],
      '/latin1': [Buffer.from([0x22, 0xe9, 0x22])],
    }
    const url = await serve(async (req, res) => {
      res.writeHead(200)
      for (const p of pieces[req.url ?? ''] ?? []) {
        res.write(p)
        await new Promise((r) => setTimeout(r, 5))
      }
      res.end()
    })
    assert.equal(await (await get(new URL('/ascii', url))).text(), ascii)
    assert.equal(await (await get(new URL('/split', url))).text(), '"é€"')
    assert.equal(await (await get(new URL('/latin1', url))).text(), '"\ufffd"')
  })

  it('rejects with the signal reason when aborted before the answer, or while reading it', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/partial') {
        res.writeHead(200)
        res.write('{"partial":')
      }
      // Otherwise: never answers.
    })
    const early = new AbortController()
    const pending = get(url, early.signal)
    setTimeout(() => early.abort(new Error('scan time limit reached')), 20)
    await assert.rejects(pending, /scan time limit reached/)
    const late = new AbortController()
    const reading = get(new URL('/partial', url), late.signal)
    setTimeout(() => late.abort(), 50)
    await assert.rejects(reading, (e: unknown) => e instanceof Error && e.name === 'AbortError')
    const gone = new AbortController()
    gone.abort(new Error('already'))
    await assert.rejects(get(url, gone.signal), /already/)
  })

  it('keeps the socket error code: refused, and reset in the middle of an answer', async () => {
    const closed = await serve(() => {})
    const port = closed.port
    await new Promise<void>((resolve) => servers.at(-1)!.close(() => resolve()))
    const refused = await get(new URL(`http://127.0.0.1:${port}/`)).catch((e: unknown) => e)
    assert.equal(socketErrorCode(refused), 'ECONNREFUSED')
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' })
      res.write('{"cut":')
      setTimeout(() => res.socket?.destroy(), 10)
    })
    const reset = await get(url).catch((e: unknown) => e)
    assert.match(String(socketErrorCode(reset)), /^ECONNRESET$/)
  })

  it('verifies TLS certificates; NODE_EXTRA_CA_CERTS adds a trusted one', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'sphere-tls-'))
    t.after(() => rmSync(dir, { recursive: true, force: true }))
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    try {
      execFileSync(
        'openssl',
        [
          ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
          ...['-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1'],
          ...['-addext', 'subjectAltName=IP:127.0.0.1'],
        ],
        { stdio: 'ignore' },
      )
    } catch {
      t.skip('openssl is not installed: no certificate to test with')
      return
    }
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) })
    const url = await serve((_req, res) => res.end('{"tls":true}'), server, 'https')
    const untrusted = await get(url).catch((e: unknown) => e)
    assert.equal(
      socketErrorCode(untrusted) ?? (untrusted as { code?: string }).code,
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    )
    const script = `import { nodeFetch } from ${JSON.stringify(new URL('./node-fetch.ts', import.meta.url).href)}
const res = await nodeFetch(new URL(${JSON.stringify(url.href)}), { method: 'GET', headers: {} })
process.stdout.write(await res.text())`
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert } },
    )
    assert.equal(stdout, '{"tls":true}')
  })
})

describe(bodyText.name, () => {
  it('gives what UTF-8 decoding gives, without a BOM, for ASCII and for other bytes', () => {
    const cases = [
      Buffer.from('{"name":"web-01","tags":["a","b"]}'),
      Buffer.from('{"name":"Müller Straße 5 – 東京"}'),
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0x7d]),
      Buffer.from('\ufeff{"x":1}'),
      Buffer.alloc(0),
      Buffer.from('x'.repeat(2_000_000)),
    ]
    for (const b of cases) {
      const want = b.toString('utf8').replace(/^\ufeff/, '')
      assert.equal(bodyText(b), want)
    }
  })
})
