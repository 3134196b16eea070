/**
 * `npm run bench:validate`: what validating a bulk list page costs the scanner. Takes the pages a
 * scan reads in bulk (servers, ports, volumes, CBR backups, CES alarms; 1,000 items or the
 * operation's own page size) from an in-process emulator, then parses each page `--rounds` times
 * three ways: `JSON.parse` alone, `JSON.parse` + zod (`safeParse`, without its JIT as in `sphere`),
 * `JSON.parse` + the lean parser the client uses (src/clients/core/lean-parse.ts). Prints CPU and
 * garbage-collection time per page for each (GC from `PerformanceObserver` `gc` entries: the
 * pauses that hold every request in flight during a scan). The rounds alternate the three ways so
 * that a slow minute of the machine falls on each alike. Figures are printed, never asserted.
 *
 *   npm run bench:validate -- [--servers 1000] [--rounds 20] [--json]
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { loadavg } from 'node:os'
import { PerformanceObserver } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { leanParser, MISMATCH } from '../src/clients/core/lean-parse.ts'
import { OPS, type OperationKey } from '../src/clients/operations.ts'
import { passwordAuth, postToken } from '../src/emulator/_test-kit.ts'
import { createEmulator } from '../src/emulator/app.ts'
import { loginFor } from '../src/emulator/clouds-yaml.ts'
import { SERVICE_PREFIX } from '../src/emulator/keystone.ts'
import { generateWorld } from '../src/emulator/world/generate.ts'

/** The bulk lists of a scan, with the page size the client asks for. */
const PAGES: readonly [OperationKey, string][] = [
  ['compute.ListServersDetail', '?limit=1000'],
  ['network.ListPorts', '?limit=2000'],
  ['volume.ListVolumesDetail', '?limit=1000'],
  ['cbr.ListBackups', '?limit=1000'],
  ['ces.ListAlarms', '?limit=100'],
]

const WAYS = ['parse', 'zod', 'lean'] as const
type Way = (typeof WAYS)[number]

/** Per page and way, ms per page: CPU (median over rounds) and GC pauses (mean over rounds). */
export interface PageCost {
  op: string
  bytes: number
  items: number
  cpuMs: Record<Way, number>
  gcMs: Record<Way, number>
}

export interface ValidationCost {
  servers: number
  rounds: number
  load: { before: number; after: number }
  pages: PageCost[]
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

/** The bodies of the bulk pages of a generated world, as the emulator serves them. */
async function bulkPages(servers: number): Promise<{ op: OperationKey; text: string }[]> {
  const world = generateWorld({ servers, seed: 1, now: Date.now() })
  const app = createEmulator(world, {})
  const login = loginFor(world)
  const auth = passwordAuth(world, login.username, login.password, 'project', login.projectName)
  const token = (await postToken(app, auth)).headers.get('X-Subject-Token')!
  const place = world.projects.find((p) => p.name === login.projectName)!
  const out: { op: OperationKey; text: string }[] = []
  for (const [op, query] of PAGES) {
    const def = OPS[op]
    const url = `http://127.0.0.1${SERVICE_PREFIX[def.service]}${def.path.replace('{project_id}', place.id)}${query}`
    const res = await app.request(url, { headers: { 'X-Auth-Token': token } })
    if (res.status !== 200) throw new Error(`${op}: HTTP ${res.status}`)
    out.push({ op, text: await res.text() })
  }
  return out
}

/** Measures; builds its own in-process emulator (no network). */
export async function measureValidation(opts: {
  servers: number
  rounds: number
}): Promise<ValidationCost> {
  const before = loadavg()[0]!
  const pages = await bulkPages(opts.servers)
  let gcMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration
  })
  observer.observe({ entryTypes: ['gc'] })
  const out: PageCost[] = []
  try {
    for (const { op, text } of pages) {
      const schema = OPS[op].schema as z.ZodType
      const lean = leanParser(schema)
      const run: Record<Way, () => unknown> = {
        parse: () => JSON.parse(text),
        zod: () => schema.safeParse(JSON.parse(text)).success,
        lean: () => lean(JSON.parse(text)) !== MISMATCH,
      }
      const cpu: Record<Way, number[]> = { parse: [], zod: [], lean: [] }
      const gc: Record<Way, number[]> = { parse: [], zod: [], lean: [] }
      for (let round = 0; round < opts.rounds; round++)
        for (const way of WAYS) {
          // GC entries arrive in a later task: wait for them before reading the sum.
          await new Promise((r) => setImmediate(r))
          const gc0 = gcMs
          const t0 = process.cpuUsage()
          if (run[way]() === false) throw new Error(`${op}: the ${way} parse rejected the page`)
          const t = process.cpuUsage(t0)
          await new Promise((r) => setTimeout(r, 5))
          cpu[way].push((t.user + t.system) / 1000)
          gc[way].push(gcMs - gc0)
        }
      const items = (Object.values(JSON.parse(text) as object).find(Array.isArray) ?? []).length
      out.push({
        op,
        bytes: Buffer.byteLength(text),
        items,
        cpuMs: { parse: median(cpu.parse), zod: median(cpu.zod), lean: median(cpu.lean) },
        gcMs: { parse: mean(gc.parse), zod: mean(gc.zod), lean: mean(gc.lean) },
      })
    }
  } finally {
    observer.disconnect()
  }
  return {
    servers: opts.servers,
    rounds: opts.rounds,
    load: { before, after: loadavg()[0]! },
    pages: out,
  }
}

const f1 = (n: number) => n.toFixed(1)

/** The report, one line per page. */
export function formatValidation(m: ValidationCost): string {
  const lines = [
    `validation of a bulk page: ${m.servers} servers' world, ${m.rounds} rounds; ms per page, CPU (median) and GC pauses (mean)`,
    `load: ${f1(m.load.before)} → ${f1(m.load.after)} (1-minute average)`,
    `${'page'.padEnd(28)} ${'bytes'.padStart(9)} ${'items'.padStart(6)}  JSON.parse     + zod          + lean`,
  ]
  for (const p of m.pages) {
    const cell = (w: Way) => `${f1(p.cpuMs[w])} (${f1(p.gcMs[w])})`.padEnd(14)
    lines.push(
      `${p.op.padEnd(28)} ${p.bytes.toLocaleString('en-US').padStart(9)} ${String(p.items).padStart(6)}  ${cell('parse')} ${cell('zod')} ${cell('lean')}`,
    )
  }
  const sum = (k: 'cpuMs' | 'gcMs', w: Way) => m.pages.reduce((a, p) => a + p[k][w], 0)
  lines.push(
    `all pages: JSON.parse ${f1(sum('cpuMs', 'parse'))} ms; validation on top: zod ${f1(sum('cpuMs', 'zod') - sum('cpuMs', 'parse'))} ms (GC ${f1(sum('gcMs', 'zod'))}), lean ${f1(sum('cpuMs', 'lean') - sum('cpuMs', 'parse'))} ms (GC ${f1(sum('gcMs', 'lean'))})`,
  )
  return lines.join('\n')
}

async function main() {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '20' },
      json: { type: 'boolean', default: false },
    },
  })
  const m = await measureValidation({
    servers: Number(values.servers),
    rounds: Number(values.rounds),
  })
  console.log(values.json ? JSON.stringify(m, null, 2) : formatValidation(m))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
