/**
 * The benchmark's emulator, in its own process: generates the world, serves it on 127.0.0.1 with
 * the requested latency, and reports over IPC. Keeping it out of the scanner's process means the
 * scanner's RSS and CPU are measured alone (a real cloud's servers are not in our process either)
 * and the 2 vCPUs are split between server and client as on a real network.
 *
 * Protocol (IPC messages): parent → `{ kind: 'start', servers, seed, now, latencyMs }`;
 * child → `{ kind: 'ready', ... }` or `{ kind: 'failed', message }`; parent → `{ kind: 'stop' }`;
 * child → `{ kind: 'stopped', ... }` and exits.
 *
 * Split (two processes, as a cloud's Keystone is not its compute API): the services' process gets
 * `start` with `deferred: true`, opens its port and answers `{ kind: 'listening', url }`; the
 * identity process gets `start` with that `servicesUrl` (its catalogs point there) and answers
 * `ready`; then the services' process gets `{ kind: 'serve', identityUrl }` (it validates tokens
 * there) and answers `ready`.
 * @module
 */
// First: zod validates without compiling code here too, as in `sphere` (src/model/zod-jitless.ts).
import '../src/model/zod-jitless.ts'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import {
  type AnsweredRequest,
  type EmulatorStats,
  generateWorld,
  loginFor,
  openEmulatorPort,
  type RunningEmulator,
  startEmulator,
} from '../src/emulator/index.ts'

/** Parent → child. */
export type ToEmulator =
  | {
      kind: 'start'
      servers: number
      seed: number
      now: number
      latencyMs: number
      projects?: number
      regions?: number
      /** Another process serves the regional services there (this one: Keystone, IAM, OBS). */
      servicesUrl?: string
      /** Open the port and wait for `serve` (the regional services of a split). */
      deferred?: boolean
    }
  | { kind: 'serve'; identityUrl: string }
  | { kind: 'stop' }

/** Child → parent. */
export type FromEmulator =
  | {
      kind: 'ready'
      authUrl: string
      login: ReturnType<typeof loginFor>
      generateMs: number
    }
  | {
      kind: 'stopped'
      requests: EmulatorStats['requests']
      peakRss: number
      /** CPU time (user + system) spent serving, ms. */
      serveCpuMs: number
      /** Of it, system CPU, ms, and the minor page faults taken while serving. */
      serveSystemMs: number
      pageFaults: number
      /** When each request came and its answer was ready (for the bench's split of a request). */
      answered: AnsweredRequest[]
    }
  | { kind: 'listening'; url: string }
  | { kind: 'failed'; message: string }

const send = (m: FromEmulator) => process.send?.(m)

/** Sends `m`, then closes the channel once it is written (a big message is written later). */
const sendLast = (m: FromEmulator) => {
  if (process.send) process.send(m, () => process.disconnect())
}

async function start(m: Extract<ToEmulator, { kind: 'start' }>) {
  const t0 = performance.now()
  const world = generateWorld({
    servers: m.servers,
    seed: m.seed,
    now: m.now,
    ...(m.projects ? { projects: m.projects } : {}),
    ...(m.regions ? { regions: m.regions } : {}),
  })
  const generateMs = performance.now() - t0
  const answered: AnsweredRequest[] = []
  const onAnswered = (a: AnsweredRequest) => answered.push(a)
  const emu = m.deferred
    ? await serveLater(world, m.latencyMs, onAnswered)
    : await startEmulator({
        world,
        port: 0,
        latencyMs: m.latencyMs,
        onAnswered,
        ...(m.servicesUrl ? { servicesUrl: m.servicesUrl } : {}),
      })
  const cpu0 = process.cpuUsage()
  const faults0 = process.resourceUsage().minorPageFault
  // How long the emulator's event loop was blocked while serving (every request waits it out).
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  process.on('message', async (msg: ToEmulator) => {
    if (msg.kind !== 'stop') return
    const { requests } = emu.emulator.stats()
    const cpu = process.cpuUsage(cpu0)
    loop.disable()
    const ms = (ns: number) => (ns / 1e6).toFixed(1)
    process.stderr.write(
      `emulator event loop: max delay ${ms(loop.max)} ms, p99 ${ms(loop.percentile(99))} ms, mean ${ms(loop.mean)} ms (while serving; 5 ms sampling)\n`,
    )
    await emu.close()
    sendLast({
      kind: 'stopped',
      requests,
      peakRss: process.resourceUsage().maxRSS * 1024,
      serveCpuMs: (cpu.user + cpu.system) / 1000,
      serveSystemMs: cpu.system / 1000,
      pageFaults: process.resourceUsage().minorPageFault - faults0,
      answered,
    })
  })
  send({
    kind: 'ready',
    authUrl: emu.authUrl,
    login: loginFor(world),
    generateMs,
  })
}

/** Opens the port, says where, and serves once told where the tokens' Keystone is. */
async function serveLater(
  world: ReturnType<typeof generateWorld>,
  latencyMs: number,
  onAnswered: (a: AnsweredRequest) => void,
): Promise<RunningEmulator> {
  const port = await openEmulatorPort()
  const told = new Promise<string>((resolve) => {
    const onMessage = (msg: ToEmulator) => {
      if (msg.kind !== 'serve') return
      process.off('message', onMessage)
      resolve(msg.identityUrl)
    }
    process.on('message', onMessage)
  })
  send({ kind: 'listening', url: port.url })
  return port.start(world, { latencyMs, onAnswered, identityUrl: await told })
}

process.once('message', (m: ToEmulator) => {
  if (m.kind !== 'start') return
  start(m).catch((err: unknown) => {
    sendLast({
      kind: 'failed',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    })
  })
})
