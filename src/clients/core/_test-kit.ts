/**
 * Test helpers for the transport: a scripted fake `fetch` that records calls, JSON responses, an
 * OTC-like catalog and token body, and a cloud configuration builder. Internal (tests only).
 * @module
 */
import type { CloudConfig } from '../../config/cloud-config.ts'
import type { CatalogEntryWire } from '../identity/auth-schemas.ts'

/** A request as the fake fetch saw it. */
export interface SeenRequest {
  method: string
  url: URL
  headers: Headers
  body?: string
  signal?: AbortSignal
}

/** A handler answers one request (or throws, like a socket error). */
export type FakeHandler = (req: SeenRequest, n: number) => Response | Promise<Response>

/** A fake fetch and the requests it saw. */
export function fakeFetch(handler: FakeHandler): { fetch: typeof fetch; calls: SeenRequest[] } {
  const calls: SeenRequest[] = []
  const f = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
    }
    calls.push(req)
    return handler(req, calls.length)
  }
  return { fetch: f as typeof fetch, calls }
}

/** A JSON response. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

/** A socket-level failure as undici reports it (`TypeError('fetch failed')` with a coded cause). */
export function socketError(code: string): Error {
  const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })
  return new TypeError('fetch failed', { cause })
}

/** The project id of the recorded eu-de token (otc-api.md §1.3). */
export const PID = '0391e4486e864c26be5654c522f440f2'
/** Its domain id. */
export const DOMAIN_ID = 'f61828ffa6844c2caca6618cd6fdecb7'
/** The IAM host. */
export const BASE = 'https://iam.eu-de.otc.t-systems.com'

/** One catalog entry with a public endpoint per region. */
export function entry(type: string, urls: Record<string, string>): CatalogEntryWire {
  return {
    type,
    endpoints: Object.entries(urls).map(([region, url]) => ({
      interface: 'public',
      region,
      region_id: region,
      url,
    })),
  }
}

/** The eu-de catalog of otc-api.md §1.3/§1.4, trimmed. */
export function otcCatalog(pid = PID): CatalogEntryWire[] {
  return [
    entry('identity', { '*': `${BASE}/v3`, 'eu-de': `${BASE}/v3` }),
    entry('compute', { 'eu-de': `https://ecs.eu-de.otc.t-systems.com/v2.1/${pid}` }),
    entry('network', { 'eu-de': 'https://vpc.eu-de.otc.t-systems.com' }),
    entry('image', { 'eu-de': 'https://ims.eu-de.otc.t-systems.com' }),
    entry('volumev2', { 'eu-de': `https://evs.eu-de.otc.t-systems.com/v2/${pid}` }),
    entry('cesv1', { 'eu-de': `https://ces.eu-de.otc.t-systems.com/V1.0/${pid}` }),
    entry('cts', { 'eu-de': `https://cts.eu-de.otc.t-systems.com/v1.0/${pid}` }),
    entry('rdsv3', { 'eu-de': `https://rds.eu-de.otc.t-systems.com/v3/${pid}` }),
  ]
}

/** A token body: project-scoped unless `domainScoped`. */
export function tokenBody(opts: {
  expiresAt: number
  catalog?: CatalogEntryWire[]
  domainScoped?: boolean
}) {
  const domain = { id: DOMAIN_ID, name: 'OTC00000000001000000317' }
  return {
    token: {
      methods: ['password'],
      expires_at: new Date(opts.expiresAt).toISOString().replace('Z', '000Z'),
      issued_at: new Date(opts.expiresAt - 86_400_000).toISOString(),
      ...(opts.domainScoped
        ? { domain }
        : { project: { id: PID, name: 'eu-de', domain }, catalog: opts.catalog ?? otcCatalog() }),
      user: { id: 'u-1', name: 'alice', domain },
    },
  }
}

/** A resolved configuration with OTC-like defaults and overrides. */
export function cloudConfig(over: Partial<CloudConfig> = {}): CloudConfig {
  return {
    authUrl: `${BASE}/v3`,
    auth: {
      type: 'password',
      username: 'alice',
      password: 'S3cret-pass!',
      userDomain: { name: 'OTC00000000001000000317' },
      domain: { name: 'OTC00000000001000000317' },
    },
    region: 'eu-de',
    interface: 'public',
    project: { name: 'eu-de', domain: { name: 'OTC00000000001000000317' } },
    endpointOverrides: {},
    concurrency: 4,
    timeoutMs: 30_000,
    source: { files: [], env: [], flags: [] },
    ...over,
  }
}
