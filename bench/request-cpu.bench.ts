/**
 * `npm run bench:request-cpu`: the scanner's own CPU per small request. Drives the real session
 * and IAM client (`listCredentials` per user, `showCredential` per key: the critical chain of a
 * scan) against the emulator in a child process with no latency, and divides this process's CPU
 * (`process.cpuUsage`) by the requests. The same URLs fetched with the bare global `fetch` and
 * `JSON.parse` give the floor that undici and parsing cost on their own; the difference is what
 * Sphere's client layer adds (URL building, redaction, limiter, retry, timeouts, zod, stats).
 * Best of `--rounds` rounds (CPU, not wall time, so other processes matter less; the load
 * average is printed beside the figures anyway). Figures are printed, never asserted.
 *
 *   npm run bench:request-cpu -- [--requests 4000] [--rounds 5] [--concurrency 4]
 *                                [--transport node|fetch] [--json]
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { type Fetch, nodeFetch } from '../src/clients/core/node-fetch.ts'
import { createSession } from '../src/clients/core/session.ts'
import type { ServiceClient } from '../src/clients/core/types.ts'
import { listCredentials, showCredential } from '../src/clients/iam/credentials.ts'
import { listUsers } from '../src/clients/identity/users.ts'
import { passwordCloudConfig } from '../src/config/cloud-config.ts'
import { serveInChild } from './_serve.ts'

/** Options of {@link measureRequestCpu}. */
export interface RequestCpuOptions {
  /** Requests per round (half key lists, half key details). */
  requests: number
  rounds: number
  concurrency: number
  /**
   * The session's transport: `node` (default, src/clients/core/node-fetch.ts) or `fetch`
   * (undici's global `fetch`, the transport before; to compare).
   */
  transport?: 'node' | 'fetch'
}

/** CPU per request, µs (best round). */
export interface RequestCpu {
  transport: 'node' | 'fetch'
  requests: number
  rounds: number
  concurrency: number
  load: { before: number; after: number }
  /** Through the session's client: `listCredentials` / `showCredential`. */
  clientUsPerRequest: number
  /** The same URLs and headers with the bare transport and `JSON.parse`. */
  bareFetchUsPerRequest: number
  /** Client minus bare: what Sphere's layer adds per request. */
  layerUsPerRequest: number
  /** Every round's client and bare figures, µs per request. */
  all: { client: number[]; bare: number[] }
}

const cpuUs = (): number => {
  const u = process.cpuUsage()
  return u.user + u.system
}

async function pool(n: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  let next = 0
  const worker = async () => {
    while (next < n) await fn(next++)
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/** Measures; starts and stops its own emulator. */
export async function measureRequestCpu(opts: RequestCpuOptions): Promise<RequestCpu> {
  const before = loadavg()[0]!
  const served = await serveInChild({ servers: 400, seed: 1, latencyMs: 0, now: Date.now() })
  try {
    const config = passwordCloudConfig(
      { authUrl: served.authUrl, ...served.login },
      { concurrency: opts.concurrency },
    )
    const transport = opts.transport ?? 'node'
    const send: Fetch = transport === 'node' ? nodeFetch : (url, init) => fetch(url, init)
    // The session's transport, recording the token the IAM client sends (for the bare floor).
    let token = ''
    const seeing: Fetch = (url, init) => {
      const h = init.headers
      if (!token && h['X-Auth-Token'] && url.href.includes('/OS-CREDENTIAL/'))
        token = h['X-Auth-Token']
      return send(url, init)
    }
    const session = createSession(config, { fetch: seeing })
    const iam: ServiceClient = await session.client('iam')
    const identity = await session.client('identity')
    const users = await listUsers(identity)
    const keys = (await Promise.all(users.map((u) => listCredentials(iam, { user_id: u.id }))))
      .flat()
      .map((k) => k.access)
    if (users.length === 0 || keys.length === 0) throw new Error('the world has no users or keys')
    const viaClient = (i: number) =>
      i % 2 === 0
        ? listCredentials(iam, { user_id: users[(i / 2) % users.length]!.id })
        : showCredential(iam, keys[((i - 1) / 2) % keys.length]!)
    // The bare floor: the same requests, same token, no Sphere layer.
    const root = iam.endpoint
    if (!token) throw new Error('the IAM client sent no X-Auth-Token')
    const urls = Array.from(
      { length: opts.requests },
      (_, i) =>
        new URL(
          i % 2 === 0
            ? `${root}/v3.0/OS-CREDENTIAL/credentials?user_id=${users[(i / 2) % users.length]!.id}`
            : `${root}/v3.0/OS-CREDENTIAL/credentials/${keys[((i - 1) / 2) % keys.length]!}`,
        ),
    )
    const headers = { Accept: 'application/json', 'X-Auth-Token': token }
    const bare = async (i: number) => {
      const res = await send(urls[i]!, { method: 'GET', headers })
      const text = await res.text()
      if (res.status !== 200) throw new Error(`bare fetch: ${res.status} ${text.slice(0, 200)}`)
      return JSON.parse(text)
    }
    const client: number[] = []
    const bareUs: number[] = []
    const round = async (fn: (i: number) => Promise<unknown>) => {
      const t = cpuUs()
      await pool(opts.requests, opts.concurrency, fn)
      return (cpuUs() - t) / opts.requests
    }
    await round(viaClient) // warm-up (JIT)
    await round(bare)
    for (let r = 0; r < opts.rounds; r++) {
      client.push(await round(viaClient))
      bareUs.push(await round(bare))
    }
    const c = Math.min(...client)
    const b = Math.min(...bareUs)
    return {
      transport,
      requests: opts.requests,
      rounds: opts.rounds,
      concurrency: opts.concurrency,
      load: { before, after: loadavg()[0]! },
      clientUsPerRequest: round1(c),
      bareFetchUsPerRequest: round1(b),
      layerUsPerRequest: round1(c - b),
      all: { client: client.map(round1), bare: bareUs.map(round1) },
    }
  } finally {
    await served.stop()
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** One block of text. */
export function formatRequestCpu(m: RequestCpu): string {
  return [
    `request CPU: ${m.requests} requests × ${m.rounds} rounds, concurrency ${m.concurrency}, transport ${m.transport === 'node' ? 'node:http (nodeFetch)' : "undici's fetch"}, emulator in a child process, 0 ms latency`,
    `load: ${m.load.before.toFixed(2)} → ${m.load.after.toFixed(2)} (1-minute average)`,
    `client (session + IAM client): ${m.clientUsPerRequest} µs CPU per request (best; rounds ${m.all.client.join(', ')})`,
    `bare transport + JSON.parse:   ${m.bareFetchUsPerRequest} µs CPU per request (best; rounds ${m.all.bare.join(', ')})`,
    `Sphere's layer:                ${m.layerUsPerRequest} µs CPU per request`,
    '',
  ].join('\n')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '4000' },
      rounds: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '4' },
      json: { type: 'boolean', default: false },
      transport: { type: 'string', default: 'node' },
    },
  })
  if (values.transport !== 'node' && values.transport !== 'fetch')
    throw new RangeError(`--transport must be node or fetch, got "${values.transport}"`)
  const m = await measureRequestCpu({
    requests: Number(values.requests),
    rounds: Number(values.rounds),
    concurrency: Number(values.concurrency),
    transport: values.transport,
  })
  process.stdout.write(values.json ? `${JSON.stringify(m, null, 2)}\n` : formatRequestCpu(m))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : err}\n`)
    process.exitCode = 1
  })
}
