/**
 * Serving a generated world for the benchmark: in a child process (default; see
 * `_emulator-process.ts`) or in this process (`--emulator inline`).
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process'
import { generateWorld, loginFor, startEmulator } from '../src/emulator/index.ts'
import type { FromEmulator, ToEmulator } from './_emulator-process.ts'

/** What to serve. */
export interface ServeSpec {
  servers: number
  seed: number
  latencyMs: number
  /** The world's "now" (epoch ms); the scan evaluates against the same instant. */
  now: number
  /** An organisation: this many projects (default 1) over this many regions (default 1). */
  projects?: number
  regions?: number
}

/** What the emulator says when it stops. */
export interface ServeStopped {
  /** Peak RSS of the emulator's process (null when inline: it is ours). */
  peakRss: number | null
  /** Requests the emulator counted. */
  requests: number | null
  /** CPU the emulator spent serving (null when inline: it is in ours). */
  cpuMs: number | null
}

/** A served world. */
export interface Served {
  authUrl: string
  login: ReturnType<typeof loginFor>
  /** Time to generate (and resolve) the world, ms. */
  generateMs: number
  stop(): Promise<ServeStopped>
}

/**
 * Generates and serves the world in a child process. Extra node flags for it (e.g. `--cpu-prof
 * --cpu-prof-dir=prof`) come from `SPHERE_BENCH_EMULATOR_NODE_ARGS`.
 */
export async function serveInChild(spec: ServeSpec): Promise<Served> {
  const extra = process.env.SPHERE_BENCH_EMULATOR_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []
  const child: ChildProcess = fork(new URL('./_emulator-process.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx', ...extra],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = () =>
    new Promise<FromEmulator>((resolve, reject) => {
      const onExit = (code: number | null) => {
        child.off('message', onMessage)
        reject(new Error(`the emulator process exited (code ${code}) before answering`))
      }
      const onMessage = (m: unknown) => {
        child.off('exit', onExit)
        resolve(m as FromEmulator)
      }
      child.once('exit', onExit)
      child.once('message', onMessage)
    })
  const ready = next()
  child.send({ kind: 'start', ...spec } satisfies ToEmulator)
  const m = await ready
  if (m.kind !== 'ready') {
    child.kill()
    throw new Error(`emulator process: ${m.kind === 'failed' ? m.message : m.kind}`)
  }
  return {
    authUrl: m.authUrl,
    login: m.login,
    generateMs: m.generateMs,
    async stop() {
      if (child.exitCode !== null || !child.connected)
        return { peakRss: null, requests: null, cpuMs: null }
      const exited = new Promise((r) => child.once('exit', r))
      const stopped = next()
      child.send({ kind: 'stop' } satisfies ToEmulator)
      const s = await stopped
      await exited
      return s.kind === 'stopped'
        ? { peakRss: s.peakRss, requests: s.requests.total, cpuMs: s.serveCpuMs }
        : { peakRss: null, requests: null, cpuMs: null }
    },
  }
}

/** Generates and serves the world in this process (its CPU and memory then count as ours). */
export async function serveInline(spec: ServeSpec): Promise<Served> {
  const t0 = performance.now()
  const world = generateWorld({
    servers: spec.servers,
    seed: spec.seed,
    now: spec.now,
    ...(spec.projects ? { projects: spec.projects } : {}),
    ...(spec.regions ? { regions: spec.regions } : {}),
  })
  const generateMs = performance.now() - t0
  const emu = await startEmulator({ world, port: 0, latencyMs: spec.latencyMs })
  return {
    authUrl: emu.authUrl,
    login: loginFor(world),
    generateMs,
    async stop() {
      const requests = emu.emulator.stats().requests.total
      await emu.close()
      return { peakRss: null, requests, cpuMs: null }
    },
  }
}
