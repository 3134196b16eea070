/**
 * The transport every session uses unless a test injects another: one HTTP exchange over
 * `node:http`/`node:https` with keep-alive agents, shaped like the subset of `fetch` that
 * `sendOnce` (http.ts) uses. It costs a fraction of undici's `fetch` per request (no streams,
 * header lists, `Request`/`Response` objects; docs/benchmark.md, "Client CPU per request"), and
 * keeps what `fetch` did for us: no redirect is followed, gzip/deflate/br bodies are decoded, a
 * UTF-8 BOM is dropped, an abort ends the exchange at any point (connecting, sending, reading) and
 * rejects with the signal's reason, and socket failures keep their Node error code (`ECONNREFUSED`,
 * `ECONNRESET`) for `socketErrorCode`. TLS is Node's: the system's CA store plus
 * `NODE_EXTRA_CA_CERTS`, certificates verified. Proxies are not used (neither did `fetch`).
 * @module
 */
import { isAscii } from 'node:buffer'
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

/** Response headers, looked up by name (case-insensitive). */
export interface HeaderLookup {
  get(name: string): string | null
}

/** What a transport answers: the parts of a `fetch` `Response` the client reads. */
export interface FetchResponse {
  readonly status: number
  readonly headers: HeaderLookup
  text(): Promise<string>
}

/** What the client sends. */
export interface FetchInit {
  method: string
  headers: Record<string, string>
  body?: string
  signal?: AbortSignal
  /** Always `manual`: a redirect could carry the token to another host. */
  redirect?: 'manual'
}

/** The transport seam: {@link nodeFetch}, the global `fetch`, or a test's fake. */
export type Fetch = (url: URL, init: FetchInit) => Promise<FetchResponse>

const HTTP_AGENT = new HttpAgent({ keepAlive: true })
const HTTPS_AGENT = new HttpsAgent({ keepAlive: true })

class NodeHeaders implements HeaderLookup {
  constructor(private readonly raw: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()]
    if (v === undefined) return null
    return Array.isArray(v) ? v.join(', ') : v
  }
}

function decoded(res: IncomingMessage): NodeJS.ReadableStream {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip())
    case 'deflate':
      return res.pipe(createInflate())
    case 'br':
      return res.pipe(createBrotliDecompress())
    default:
      return res
  }
}

/**
 * A body as text: UTF-8 without a BOM. An all-ASCII body (every byte below 0x80, what JSON
 * APIs send) is the same text read as Latin-1, which V8 copies as is; UTF-8 decoding validates
 * each byte and costs ~20× as much (docs/benchmark.md, "tenth pass").
 */
export function bodyText(body: Buffer): string {
  if (isAscii(body)) return body.toString('latin1')
  const text = body.toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The reason an abort rejects with: the signal's, as `fetch` does. */
function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError')
}

/**
 * One exchange; the body is read whole before the promise resolves (a `text()` that cannot fail
 * later, and a timeout or abort that covers reading too).
 * @example const res = await nodeFetch(new URL('http://127.0.0.1:8443/identity/v3'), { method: 'GET', headers: {} })
 */
export const nodeFetch: Fetch = (url, init) =>
  new Promise<FetchResponse>((resolve, reject) => {
    const signal = init.signal
    if (signal?.aborted) return reject(abortError(signal))
    const https = url.protocol === 'https:'
    if (!https && url.protocol !== 'http:')
      return reject(new TypeError(`unsupported protocol ${url.protocol}`))
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' }
    for (const [k, v] of Object.entries(init.headers)) headers[k] = v
    const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8')
    if (body) headers['content-length'] = String(body.length)
    const send = https ? httpsRequest : httpRequest
    let settled = false
    const fail = (err: unknown) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      reject(err)
    }
    const req = send(url, { method: init.method, headers, agent: https ? HTTPS_AGENT : HTTP_AGENT })
    function onAbort() {
      const err = abortError(signal!)
      req.destroy(err instanceof Error ? err : undefined)
      fail(err)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    req.on('error', fail)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      const stream = decoded(res)
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('error', fail)
      if (stream !== res) res.on('error', fail)
      res.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })))
      stream.on('end', () => {
        if (settled) return
        settled = true
        signal?.removeEventListener('abort', onAbort)
        const text = bodyText(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))
        resolve({
          status: res.statusCode ?? 0,
          headers: new NodeHeaders(res.headers),
          text: () => Promise.resolve(text),
        })
      })
    })
    req.end(body)
  })
