/**
 * What the declared-reads guard costs (`checkScope`: an inventory view limited to the check's
 * declared types, and a read-through `Proxy` on resources whose derived fields come from types
 * the check did not declare). A generated world is collected once through the real client from
 * the in-process emulator; then every check's `evaluate` runs over all its resources twice per
 * round, bare (the full inventory, the resource itself) and scoped (as the engine runs it), and
 * the best round of each is kept. Figures are printed, never asserted.
 *
 *   node --import tsx bench/declared-reads.bench.ts [--servers 10000] [--rounds 5] [--json]
 * @module
 */

// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { AnyCheck, CheckContext } from '../src/checks/define.ts'
import { checks } from '../src/checks/index.ts'
import { checkScope } from '../src/checks/run.ts'
import { DEFAULT_SETTINGS } from '../src/checks/settings.ts'
import { createSession } from '../src/clients/core/session.ts'
import { passwordCloudConfig } from '../src/config/cloud-config.ts'
import { createEmulator, generateWorld, loginFor } from '../src/emulator/index.ts'
import { collectFromCloud } from '../src/engine/scan-clouds.ts'
import { Inventory } from '../src/inventory/inventory.ts'
import { mergedInput } from '../src/inventory/saved.ts'
import type { AnyResource } from '../src/inventory/types.ts'

/** One check's loop, bare and scoped (best round each). */
export interface GuardCost {
  id: string
  resources: number
  bareMs: number
  scopedMs: number
}

/** What {@link measureGuard} gives. */
export interface GuardReport {
  servers: number
  resources: number
  /** Calls of `evaluate` per round (one per resource of each check's type). */
  evaluations: number
  bareMs: number
  scopedMs: number
  /** Scoped minus bare, per evaluation, in µs. */
  overheadUsPerEvaluation: number
  checks: GuardCost[]
}

type Evaluate = (r: AnyResource, c: CheckContext) => unknown

function loop(check: AnyCheck, list: readonly AnyResource[], ctx: CheckContext, scoped: boolean) {
  const evaluate = check.evaluate as Evaluate
  const t = performance.now()
  const scope = scoped ? checkScope(check, ctx) : undefined
  for (const r of list) {
    try {
      if (scope) evaluate.call(check, scope.resource(r), scope.ctx)
      else evaluate.call(check, r, ctx)
    } catch {
      // The engine turns a throw into an `error` finding; only the time matters here.
    }
  }
  return performance.now() - t
}

/** Collects a generated world of `servers` servers and times every check bare and scoped. */
export async function measureGuard(servers: number, rounds: number): Promise<GuardReport> {
  const now = Date.parse('2025-06-01T12:00:00Z')
  const world = generateWorld({ servers, seed: 1, now })
  const app = createEmulator(world, { clock: () => now })
  const login = { authUrl: 'http://127.0.0.1:8443/identity/v3', ...loginFor(world) }
  const session = createSession(passwordCloudConfig(login), {
    fetch: async (input, init) => app.fetch(new Request(input, init)),
    now: () => now,
  })
  const tool = { name: 'sphere', version: 'bench' }
  const input = mergedInput(await collectFromCloud(session, { tool, now: () => new Date(now) }))
  const inventory = new Inventory(input)
  const ctx: CheckContext = { inventory, settings: DEFAULT_SETTINGS, now: new Date(now) }
  const costs = checks.map((c): GuardCost => {
    const list = inventory.all(c.resourceType) as readonly AnyResource[]
    let bareMs = Number.POSITIVE_INFINITY
    let scopedMs = Number.POSITIVE_INFINITY
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so warm-up and GC fall on both alike.
      const first = i % 2 === 0
      const a = loop(c, list, ctx, !first)
      const b = loop(c, list, ctx, first)
      bareMs = Math.min(bareMs, first ? a : b)
      scopedMs = Math.min(scopedMs, first ? b : a)
    }
    return { id: c.id, resources: list.length, bareMs, scopedMs }
  })
  const sum = (f: (c: GuardCost) => number) => costs.reduce((s, c) => s + f(c), 0)
  const evaluations = sum((c) => c.resources)
  const bareMs = sum((c) => c.bareMs)
  const scopedMs = sum((c) => c.scopedMs)
  return {
    servers,
    resources: input.resources.length,
    evaluations,
    bareMs,
    scopedMs,
    overheadUsPerEvaluation: evaluations > 0 ? ((scopedMs - bareMs) * 1000) / evaluations : 0,
    checks: costs.sort((a, b) => b.scopedMs - b.bareMs - (a.scopedMs - a.bareMs)),
  }
}

/** The report as text. */
export function formatGuard(r: GuardReport): string {
  const ms = (n: number) => n.toFixed(1).padStart(8)
  const lines = [
    `declared-reads guard: ${r.servers} servers, ${r.resources} resources, ${r.evaluations} evaluations per round`,
    `all checks:  bare ${ms(r.bareMs)} ms   scoped ${ms(r.scopedMs)} ms   overhead ${(r.scopedMs - r.bareMs).toFixed(1)} ms (${r.overheadUsPerEvaluation.toFixed(3)} µs per evaluation)`,
    'per check (largest overhead first):',
    ...r.checks.map(
      (c) =>
        `  ${c.id.padEnd(40)} ${String(c.resources).padStart(6)}  bare ${ms(c.bareMs)}  scoped ${ms(c.scopedMs)}`,
    ),
  ]
  return `${lines.join('\n')}\n`
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
    },
  })
  const report = await measureGuard(Number(values.servers), Number(values.rounds))
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatGuard(report))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : err}\n`)
    process.exitCode = 1
  })
}
