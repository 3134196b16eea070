/**
 * The emulator behind a misbehaving gateway: requests whose path matches a rule get the rule's
 * answer (an HTML 502 from a proxy, a truncated or mistyped body, an empty object, silence);
 * everything else is served by the emulator in-process, with this server's URL in the catalog.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createEmulator, loadWorld } from '../../src/emulator/index.ts'

/** What a rule does with a matching request. */
export type Fault =
  /** Answer this instead (status, content type, body). */
  | { kind: 'replace'; status: number; type: string; body: string }
  /** Let the emulator answer, then change the body text (`url`: the request's absolute URL). */
  | { kind: 'mangle'; transform: (body: string, url: string) => string }
  /** Accept the request and never answer. */
  | { kind: 'silent' }

/** A path pattern and its fault (`method` defaults to any). */
export interface Rule {
  path: RegExp
  method?: string
  fault: Fault
}

/** A proxy's HTML error page. */
export const HTML_502: Fault = {
  kind: 'replace',
  status: 502,
  type: 'text/html',
  body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
}

/** The running cloud. */
export interface FaultyCloud {
  url: string
  authUrl: string
  /** Requests the emulator (not a rule) answered, by path. */
  served: string[]
  close(): Promise<void>
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Starts the cloud on 127.0.0.1.
 * @example const cloud = await startFaultyCloud('demo', [{ path: /\/network\/v2\.0\/ports/, fault: HTML_502 }])
 */
export async function startFaultyCloud(world: string, rules: Rule[]): Promise<FaultyCloud> {
  const sockets = new Set<Socket>()
  const served: string[] = []
  let url = ''
  let app: ReturnType<typeof createEmulator> | undefined
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', url).pathname
    const rule = rules.find((r) => r.path.test(path) && (!r.method || r.method === req.method))
    if (rule?.fault.kind === 'silent') return
    if (rule?.fault.kind === 'replace') {
      res.writeHead(rule.fault.status, { 'Content-Type': rule.fault.type })
      res.end(rule.fault.body)
      return
    }
    const body = await bodyOf(req)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const answer = await app!.fetch(
      new Request(new URL(req.url ?? '/', url), {
        method: req.method,
        headers,
        body: body.length > 0 ? new Uint8Array(body) : undefined,
      }),
    )
    served.push(path)
    let text = await answer.text()
    if (rule?.fault.kind === 'mangle')
      text = rule.fault.transform(text, new URL(req.url ?? '/', url).href)
    const out: Record<string, string> = {}
    answer.headers.forEach((v, k) => {
      if (k !== 'content-length') out[k] = v
    })
    res.writeHead(answer.status, out)
    res.end(text)
  }
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500)
      res.end(String(err))
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  app = createEmulator(loadWorld(world), { baseUrl: url })
  return {
    url,
    authUrl: `${url}/identity/v3`,
    served,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      }),
  }
}
