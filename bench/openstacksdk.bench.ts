/**
 * `npm run bench:openstacksdk`: Sphere and an openstacksdk inventory (the library under
 * SDK-based scanners such as Prowler's OpenStack provider) read the same OpenStack resource types
 * of the same generated world, served by the emulator in a child process with 20 ms latency.
 * Runs alternate (Sphere, SDK, Sphere, SDK…) so that the machine's load hits both alike; both
 * walls, the ratio and the load average are printed, never asserted. The SDK side runs
 * bench/_openstacksdk_inventory.py with /usr/bin/python3; when openstacksdk is not importable
 * (scripts/setup.sh installs python3-openstackclient, which pulls it in) the run is skipped with a
 * message.
 *
 *   npm run bench:openstacksdk -- [--servers 10000] [--runs 3] [--latency-ms 20] [--json]
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { createSession } from '../src/clients/core/session.ts'
import { collectInventory } from '../src/collectors/collect.ts'
import { passwordCloudConfig } from '../src/config/cloud-config.ts'
import { writeCloudsYaml } from '../src/emulator/index.ts'
import type { ResourceType } from '../src/inventory/types.ts'
import { serveInChild } from './_serve.ts'

const run = promisify(execFile)
const PYTHON = '/usr/bin/python3'
const SCRIPT = fileURLToPath(new URL('./_openstacksdk_inventory.py', import.meta.url))

/** The OpenStack types both sides read (the SDK script lists the same nine). */
export const SAME_TYPES: readonly ResourceType[] = [
  'project',
  'ecs.server',
  'nova.keypair',
  'ims.image',
  'vpc.security-group',
  'vpc.port',
  'vpc.eip',
  'evs.volume',
  'evs.backup',
]

/** One side's run. */
export interface SideRun {
  wallMs: number
  counts: Record<string, number>
  load: number
}

/** What the side-by-side gives; `skipped` says why there is no SDK side. */
export interface SideBySide {
  servers: number
  latencyMs: number
  sdkVersion: string | null
  skipped: string | null
  sphere: SideRun[]
  sdk: SideRun[]
  /** Best SDK wall ÷ best Sphere wall (null when skipped). */
  ratio: number | null
}

/** Whether openstacksdk is importable; the reason when it is not. */
export async function sdkMissing(): Promise<string | null> {
  try {
    await run(PYTHON, ['-c', 'import openstack'])
    return null
  } catch (err) {
    const why = (err as { stderr?: string }).stderr?.trim().split('\n').at(-1)
    return `openstacksdk is not importable by ${PYTHON} (${why ?? String(err)}); bash scripts/setup.sh installs python3-openstackclient`
  }
}

/** Runs both sides `runs` times each, alternating, against one served world. */
export async function measureSideBySide(o: {
  servers: number
  runs: number
  latencyMs: number
  /** Leave the SDK out (tests, or a machine without it). */
  skipSdk?: string
}): Promise<SideBySide> {
  const skipped = o.skipSdk ?? (await sdkMissing())
  const served = await serveInChild({
    servers: o.servers,
    seed: 1,
    latencyMs: o.latencyMs,
    now: Date.now(),
  })
  const dir = mkdtempSync(join(tmpdir(), 'sphere-sdk-bench-'))
  try {
    const clouds = join(dir, 'clouds.yaml')
    writeFileSync(
      clouds,
      writeCloudsYaml({ authUrl: served.authUrl, cloudName: 'bench', ...served.login }),
    )
    const sphere: SideRun[] = []
    const sdk: SideRun[] = []
    let version: string | null = null
    for (let i = 0; i < o.runs; i++) {
      sphere.push(await sphereSide(served))
      if (skipped) continue
      const load = loadavg()[0]!
      const env = {
        PATH: process.env.PATH,
        HOME: dir,
        OS_CLIENT_CONFIG_FILE: clouds,
        OS_CLOUD: 'bench',
      }
      const { stdout } = await run(PYTHON, [SCRIPT], { env, maxBuffer: 16 * 1024 ** 2 })
      const out = JSON.parse(stdout) as {
        version: string
        counts: Record<string, number>
        wallMs: number
      }
      version = out.version
      sdk.push({ wallMs: Math.round(out.wallMs), counts: out.counts, load })
    }
    const best = (xs: SideRun[]) => Math.min(...xs.map((x) => x.wallMs))
    return {
      servers: o.servers,
      latencyMs: o.latencyMs,
      sdkVersion: version,
      skipped,
      sphere,
      sdk,
      ratio: skipped ? null : Math.round((best(sdk) / best(sphere)) * 10) / 10,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await served.stop()
  }
}

/** Sphere's side: a new session (login included, as on the SDK side) and the same types. */
async function sphereSide(served: Awaited<ReturnType<typeof serveInChild>>): Promise<SideRun> {
  const load = loadavg()[0]!
  const t0 = performance.now()
  const session = createSession(passwordCloudConfig({ authUrl: served.authUrl, ...served.login }))
  const info = await session.info()
  const input = await collectInventory({
    clientFor: (k) => session.client(k),
    region: info.region ?? served.login.region,
    projectId: info.projectId,
    types: SAME_TYPES,
  })
  const wallMs = Math.round(performance.now() - t0)
  if (input.issues.length > 0)
    throw new Error(`Sphere's side had collection issues: ${input.issues[0]!.message}`)
  const counts: Record<string, number> = {}
  for (const r of input.resources) counts[r.type] = (counts[r.type] ?? 0) + 1
  return { wallMs, counts, load }
}

/** One block of text. */
export function formatSideBySide(m: SideBySide): string {
  const walls = (xs: SideRun[]) =>
    xs.map((x) => `${x.wallMs.toLocaleString('en')} ms (load ${x.load.toFixed(1)})`).join(', ')
  const lines = [
    `Sphere vs openstacksdk: ${m.servers.toLocaleString('en')} servers, ${m.latencyMs} ms latency, ${SAME_TYPES.length} types (${SAME_TYPES.join(', ')})`,
    `Sphere:       ${walls(m.sphere)}`,
    `  counts:     ${JSON.stringify(m.sphere[0]?.counts ?? {})}`,
  ]
  if (m.skipped) lines.push(`openstacksdk: skipped: ${m.skipped}`)
  else {
    lines.push(`openstacksdk ${m.sdkVersion}: ${walls(m.sdk)}`)
    lines.push(`  counts:     ${JSON.stringify(m.sdk[0]?.counts ?? {})}`)
    lines.push(`ratio:        openstacksdk ÷ Sphere (best of each) = ${m.ratio}× (target ≥ 12×)`)
  }
  return `${lines.join('\n')}\n`
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      'latency-ms': { type: 'string', default: '20' },
      json: { type: 'boolean', default: false },
    },
  })
  const m = await measureSideBySide({
    servers: Number(values.servers),
    runs: Number(values.runs),
    latencyMs: Number(values['latency-ms']),
  })
  process.stdout.write(values.json ? `${JSON.stringify(m, null, 2)}\n` : formatSideBySide(m))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : err}\n`)
    process.exitCode = 1
  })
}
