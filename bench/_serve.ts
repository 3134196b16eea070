/**
 * Serving a generated world for the benchmark: in a child process (default; see
 * `_emulator-process.ts`) or in this process (`--emulator inline`).
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process'
import {
  type AnsweredRequest,
  generateWorld,
  loginFor,
  startEmulator,
} from '../src/emulator/index.ts'
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
  /** Of it, system CPU, ms, and the emulator's minor page faults (null when inline). */
  systemMs: number | null
  pageFaults: number | null
  /** When each request reached the emulator and its answer was ready, with the serving origin. */
  answered: ServedAnswer[]
}

/** An {@link AnsweredRequest} with the origin that served it (request ids are per emulator). */
export interface ServedAnswer extends AnsweredRequest {
  readonly origin: string
}

const NOTHING: ServeStopped = {
  peakRss: null,
  requests: null,
  cpuMs: null,
  systemMs: null,
  pageFaults: null,
  answered: [],
}

/** A served world. */
export interface Served {
  authUrl: string
  login: ReturnType<typeof loginFor>
  /** Time to generate (and resolve) the world, ms. */
  generateMs: number
  stop(): Promise<ServeStopped>
}

/** One emulator process: its messages, one at a time, and how to stop it. */
interface EmulatorChild {
  send(m: ToEmulator): void
  next(): Promise<FromEmulator>
  /** Stops it; its answers are tagged with `origin`. */
  stop(origin: string): Promise<ServeStopped>
  kill(): void
}

/** Forks bench/_emulator-process.ts (extra node flags from `SPHERE_BENCH_EMULATOR_NODE_ARGS`). */
function forkEmulator(): EmulatorChild {
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
  return {
    send: (m) => child.send(m),
    next,
    kill: () => child.kill(),
    async stop(origin) {
      if (child.exitCode !== null || !child.connected) return NOTHING
      const exited = new Promise((r) => child.once('exit', r))
      const stopped = next()
      child.send({ kind: 'stop' } satisfies ToEmulator)
      const s = await stopped
      await exited
      return s.kind === 'stopped'
        ? {
            peakRss: s.peakRss,
            requests: s.requests.total,
            cpuMs: s.serveCpuMs,
            systemMs: s.serveSystemMs,
            pageFaults: s.pageFaults,
            answered: s.answered.map((a) => ({ ...a, origin })),
          }
        : NOTHING
    },
  }
}

/** Sends `m` and waits for the answer `want`; any other answer is an error (and the process killed). */
async function ask<K extends FromEmulator['kind']>(
  child: EmulatorChild,
  m: ToEmulator,
  want: K,
): Promise<Extract<FromEmulator, { kind: K }>> {
  const answer = child.next()
  child.send(m)
  const a = await answer
  if (a.kind === want) return a as Extract<FromEmulator, { kind: K }>
  child.kill()
  throw new Error(`emulator process: ${a.kind === 'failed' ? a.message : a.kind}`)
}

/**
 * Generates and serves the world in a child process. Extra node flags for it (e.g. `--cpu-prof
 * --cpu-prof-dir=prof`) come from `SPHERE_BENCH_EMULATOR_NODE_ARGS`.
 */
export async function serveInChild(spec: ServeSpec): Promise<Served> {
  const child = forkEmulator()
  const m = await ask(child, { kind: 'start', ...spec }, 'ready')
  const origin = new URL(m.authUrl).origin
  return {
    authUrl: m.authUrl,
    login: m.login,
    generateMs: m.generateMs,
    stop: () => child.stop(origin),
  }
}

const sum = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y)

/**
 * Serves the world from two child processes, as a cloud serves Keystone apart from its compute
 * API: one with Keystone, IAM and OBS (OBS signs with IAM's temporary keys), one with every
 * other service, which validates the first one's tokens there (`GET /v3/auth/tokens`, once per
 * token). Both generate the same world from the same seed. The stop figures are the sums of both.
 */
export async function serveSplit(spec: ServeSpec): Promise<Served> {
  const services = forkEmulator()
  const identity = forkEmulator()
  try {
    const { url } = await ask(services, { kind: 'start', ...spec, deferred: true }, 'listening')
    const id = await ask(identity, { kind: 'start', ...spec, servicesUrl: url }, 'ready')
    const identityUrl = new URL(id.authUrl).origin
    const svc = await ask(services, { kind: 'serve', identityUrl }, 'ready')
    return {
      authUrl: id.authUrl,
      login: id.login,
      generateMs: id.generateMs + svc.generateMs,
      async stop() {
        const [a, b] = await Promise.all([
          identity.stop(identityUrl),
          services.stop(new URL(url).origin),
        ])
        return {
          peakRss: sum(a.peakRss, b.peakRss),
          requests: sum(a.requests, b.requests),
          cpuMs: sum(a.cpuMs, b.cpuMs),
          systemMs: sum(a.systemMs, b.systemMs),
          pageFaults: sum(a.pageFaults, b.pageFaults),
          answered: [...a.answered, ...b.answered],
        }
      },
    }
  } catch (err) {
    services.kill()
    identity.kill()
    throw err
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
  const answered: AnsweredRequest[] = []
  const emu = await startEmulator({
    world,
    port: 0,
    latencyMs: spec.latencyMs,
    onAnswered: (a) => answered.push(a),
  })
  const origin = new URL(emu.authUrl).origin
  return {
    authUrl: emu.authUrl,
    login: loginFor(world),
    generateMs,
    async stop() {
      const requests = emu.emulator.stats().requests.total
      await emu.close()
      return {
        peakRss: null,
        requests,
        cpuMs: null,
        systemMs: null,
        pageFaults: null,
        answered: answered.map((a) => ({ ...a, origin })),
      }
    },
  }
}

/** Where the benchmark's emulator runs: one child process, two ({@link serveSplit}), or this one. */
export type EmulatorMode = 'process' | 'split' | 'inline'

/** Serves `spec` as `mode` says. */
export function serveAs(mode: EmulatorMode, spec: ServeSpec): Promise<Served> {
  if (mode === 'inline') return serveInline(spec)
  return mode === 'split' ? serveSplit(spec) : serveInChild(spec)
}
