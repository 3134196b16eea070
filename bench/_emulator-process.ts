/**
 * The benchmark's emulator, in its own process: generates the world, serves it on 127.0.0.1 with
 * the requested latency, and reports over IPC. Keeping it out of the scanner's process means the
 * scanner's RSS and CPU are measured alone (a real cloud's servers are not in our process either)
 * and the 2 vCPUs are split between server and client as on a real network.
 *
 * Protocol (IPC messages): parent → `{ kind: 'start', servers, seed, now, latencyMs }`;
 * child → `{ kind: 'ready', ... }` or `{ kind: 'failed', message }`; parent → `{ kind: 'stop' }`;
 * child → `{ kind: 'stopped', ... }` and exits.
 * @module
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import {
  type EmulatorStats,
  generateWorld,
  loginFor,
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
    }
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
    }
  | { kind: 'failed'; message: string }

const send = (m: FromEmulator) => process.send?.(m)

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
  const emu = await startEmulator({ world, port: 0, latencyMs: m.latencyMs })
  const cpu0 = process.cpuUsage()
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
    send({
      kind: 'stopped',
      requests,
      peakRss: process.resourceUsage().maxRSS * 1024,
      serveCpuMs: (cpu.user + cpu.system) / 1000,
    })
    process.disconnect()
  })
  send({
    kind: 'ready',
    authUrl: emu.authUrl,
    login: loginFor(world),
    generateMs,
  })
}

process.once('message', (m: ToEmulator) => {
  if (m.kind !== 'start') return
  start(m).catch((err: unknown) => {
    send({
      kind: 'failed',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    })
    process.disconnect()
  })
})
