/**
 * The organisation benchmark (`npm run bench -- --projects 50 --servers 20000`): a generated
 * organisation of P projects over R regions, served by the emulator in its own process with a
 * fixed latency per request, scanned exactly as `sphere scan --all-projects --regions all` scans
 * it (planning, one token per project, scopes read `--parallel` at a time over shared
 * per-endpoint limits, each scope evaluated as it arrives). Prints wall time, requests per scope,
 * the per-endpoint concurrency the client kept, peak RSS, and the lower bound the busiest
 * endpoint forces: figures, never assertions.
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { loadavg } from 'node:os'
import { checks } from '../src/checks/index.ts'
import { createSession } from '../src/clients/core/session.ts'
import { passwordCloudConfig } from '../src/config/cloud-config.ts'
import { ScanEvaluator } from '../src/engine/run-scan.ts'
import { scanClouds } from '../src/engine/scan-clouds.ts'
import { loadScanConfig } from '../src/engine/scan-config.ts'
import { loadShippedLifecycles } from '../src/lifecycle/shipped.ts'
import { loadResponsibilityModel } from '../src/responsibility/load.ts'
import { recordingFetch } from './_recorder.ts'
import { type EmulatorMode, serveAs } from './_serve.ts'

/** Options of {@link measureOrganisation}. */
export interface OrganisationOptions {
  servers: number
  projects: number
  regions: number
  latencyMs: number
  concurrency: number
  parallel: number
  seed: number
  emulator: EmulatorMode
}

/** What one organisation scan measured. */
export interface OrganisationMeasurement {
  options: OrganisationOptions
  scopes: number
  findings: number
  wallMs: number
  planMs: number
  requests: number
  /** Requests per project scope: min, median, max (the account scope apart). */
  requestsPerScope: { min: number; median: number; max: number; account: number }
  /** Per endpoint root (service prefix, region): requests and the most in flight at once. */
  endpoints: { endpoint: string; requests: number; peakInFlight: number; meanInFlight: number }[]
  /** The least wall time the busiest endpoint allows: its requests ÷ concurrency rounds × latency. */
  boundMs: number
  busiestEndpoint: string
  peakRssBytes: number
  loadAverage: number[]
}

/** The endpoint root of a request: its service prefix, under its region's prefix if any. */
function rootOf(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean)
  return parts[0] === 'region' ? `${parts[1]}/${parts[2]}` : (parts[0] ?? '')
}

function peakInFlight(spans: { start: number; end: number }[]): number {
  const events = spans.flatMap((s) => [
    [s.start, 1],
    [s.end, -1],
  ])
  events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
  let n = 0
  let peak = 0
  for (const [, d] of events) {
    n += d!
    peak = Math.max(peak, n)
  }
  return peak
}

/** Scans a generated organisation and measures it. */
export async function measureOrganisation(
  o: OrganisationOptions,
): Promise<OrganisationMeasurement> {
  const now = Date.parse('2026-11-01T00:00:00Z')
  const spec = {
    servers: o.servers,
    seed: o.seed,
    now,
    latencyMs: o.latencyMs,
    projects: o.projects,
    regions: o.regions,
  }
  const served = await serveAs(o.emulator, spec)
  const model = loadResponsibilityModel()
  const settings = loadScanConfig().settings
  loadShippedLifecycles()
  // Each request is put down to the project its token is scoped to (`domain` for IAM's token).
  const urls: { url: string; start: number; end: number; scope: string }[] = []
  const tokenScope = new Map<string, string>()
  const recorder = recordingFetch(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    const token = new Headers(init?.headers).get('x-auth-token') ?? ''
    const auth = url.endsWith('/auth/tokens')
    const rec = { url, start: performance.now(), end: 0, scope: tokenScope.get(token) ?? 'auth' }
    urls.push(rec)
    try {
      const res = await fetch(input, init)
      const subject = res.headers.get('x-subject-token')
      if (auth && subject) {
        const body = (await res.clone().json()) as { token?: { project?: { id?: string } } }
        tokenScope.set(subject, body.token?.project?.id ?? 'domain')
      }
      return res
    } finally {
      rec.end = performance.now()
    }
  })
  const config = {
    ...passwordCloudConfig({ authUrl: served.authUrl, ...served.login }),
    concurrency: o.concurrency,
  }
  const session = createSession(config, { fetch: recorder.fetch })
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 50)
  const t0 = performance.now()
  let planned = 0
  let tPlan = t0
  const evaluator = new ScanEvaluator({
    checks,
    model,
    settings,
    tool: { name: 'sphere', version: 'bench' },
    startedAt: new Date(now),
    now: new Date(now),
  })
  try {
    await scanClouds(
      [{ name: 'bench', session }],
      {
        selection: { allProjects: true, regions: 'all' },
        parallel: o.parallel,
        onPlanned: (p) => {
          planned = p.length
          tPlan = performance.now()
        },
        // As `sphere scan`: a scope's checks start as their types are read.
        onCollected: (p, t) => evaluator.collected(p, t),
      },
      (s) => evaluator.addAsync(s),
    )
  } finally {
    clearInterval(sampler)
    await served.stop()
  }
  const result = evaluator.finish(new Date(now))
  const wallMs = performance.now() - t0
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  // Requests per scope, by the project their token is scoped to; the domain token's are IAM's.
  const ids = result.scopes.filter((s) => s.scope.kind === 'project').map((s) => s.scope.projectId)
  const counts = new Map(ids.map((id) => [id, 0]))
  let account = 0
  for (const r of urls) {
    if (r.scope === 'domain') account++
    else if (counts.has(r.scope)) counts.set(r.scope, counts.get(r.scope)! + 1)
  }
  const sorted = [...counts.values()].sort((a, b) => a - b)
  const byRoot = new Map<string, { start: number; end: number }[]>()
  for (const r of urls) {
    const k = rootOf(r.url)
    const l = byRoot.get(k) ?? []
    l.push(r)
    byRoot.set(k, l)
  }
  const endpoints = [...byRoot]
    .map(([endpoint, spans]) => {
      const first = Math.min(...spans.map((s) => s.start))
      const last = Math.max(...spans.map((s) => s.end))
      const busy = spans.reduce((n, s) => n + (s.end - s.start), 0)
      return {
        endpoint,
        requests: spans.length,
        peakInFlight: peakInFlight(spans),
        meanInFlight: last > first ? busy / (last - first) : 0,
      }
    })
    .sort((a, b) => b.requests - a.requests)
  const busiest = endpoints[0]!
  // Two token rounds (project and domain token) before a service's first request.
  const boundMs = (2 + Math.ceil(busiest.requests / o.concurrency)) * o.latencyMs
  return {
    options: o,
    scopes: planned,
    findings: result.findings.length,
    wallMs,
    planMs: tPlan - t0,
    requests: urls.length,
    requestsPerScope: {
      min: sorted[0] ?? 0,
      median: sorted[Math.floor(sorted.length / 2)] ?? 0,
      max: sorted.at(-1) ?? 0,
      account,
    },
    endpoints,
    boundMs,
    busiestEndpoint: busiest.endpoint,
    peakRssBytes: peakRss,
    loadAverage: loadavg(),
  }
}

/** The measurement as text. */
export function formatOrganisation(m: OrganisationMeasurement): string {
  const o = m.options
  const mib = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MiB`
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  return [
    `organisation: ${o.projects} projects in ${o.regions} region(s), ${o.servers} servers, latency ${o.latencyMs} ms, concurrency ${o.concurrency} per endpoint, ${o.parallel} scopes in parallel`,
    `  scopes ${m.scopes} · findings ${m.findings} · requests ${m.requests}`,
    `  wall ${s(m.wallMs)} (planning ${s(m.planMs)}) · bound ${s(m.boundMs)} (busiest endpoint ${m.busiestEndpoint}) · wall ÷ bound ${(m.wallMs / m.boundMs).toFixed(2)}`,
    `  requests per project scope: min ${m.requestsPerScope.min}, median ${m.requestsPerScope.median}, max ${m.requestsPerScope.max}; account scope ${m.requestsPerScope.account}`,
    `  peak RSS ${mib(m.peakRssBytes)} · load average ${m.loadAverage.map((x) => x.toFixed(2)).join(' ')}`,
    '  endpoint                 requests  peak in flight  mean in flight',
    ...m.endpoints.map(
      (e) =>
        `  ${e.endpoint.padEnd(24)} ${String(e.requests).padStart(8)}  ${String(e.peakInFlight).padStart(14)}  ${e.meanInFlight.toFixed(2).padStart(14)}`,
    ),
    '',
  ].join('\n')
}
