/**
 * Serves the emulator on a local port (loopback only). Port 0 picks a free port.
 * @module
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createEmulator, type Emulator, type EmulatorOptions } from './app.ts'
import { loadWorld } from './world/load.ts'
import type { World } from './world/model.ts'

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions extends Omit<EmulatorOptions, 'baseUrl'> {
  /** A loaded world, or a built-in world name / world file path. */
  world: World | string
  /** Default 0: a free port. */
  port?: number
  /** Only loopback addresses are allowed; default `127.0.0.1`. */
  host?: '127.0.0.1' | 'localhost' | '::1'
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** The Keystone endpoint for clients: `<url>/identity/v3`. */
  authUrl: string
  port: number
  emulator: Emulator
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/** The emulator could not listen: the port is taken, or not ours to bind. */
export class EmulatorListenError extends Error {
  readonly code: string
  readonly port: number
  readonly host: string

  constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const code = cause.code ?? 'EUNKNOWN'
    const why =
      code === 'EADDRINUSE'
        ? 'is in use'
        : code === 'EACCES'
          ? 'may not be bound by this user'
          : `cannot be bound (${code})`
    super(`port ${port} on ${host} ${why}`, { cause })
    this.name = 'EmulatorListenError'
    this.code = code
    this.port = port
    this.host = host
  }
}

type Fetch = (req: Request, env: Parameters<Emulator['fetch']>[1]) => Response | Promise<Response>

function listen(fetch: Fetch, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch, port, hostname: host }, () => resolve(s)) as Server
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(new EmulatorListenError(host, port, err)),
    )
  })
}

/** A port the emulator listens on before it knows what to serve (see {@link openEmulatorPort}). */
export interface EmulatorPort {
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
  /** Serves `world` on this port from now on (requests before it are answered 503). */
  start(world: World | string, opts?: Omit<EmulatorOptions, 'baseUrl'>): RunningEmulator
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

/**
 * Listens on loopback first and serves later: for two emulators that must know each other's
 * URL before they start (one serving Keystone and IAM with `servicesUrl`, the other the regional
 * services with `identityUrl`).
 * @throws {EmulatorListenError} when the port is in use
 */
export async function openEmulatorPort(
  opts: Pick<StartEmulatorOptions, 'port' | 'host'> = {},
): Promise<EmulatorPort> {
  const host = opts.host ?? '127.0.0.1'
  if (!LOOPBACK.has(host)) throw new RangeError(`the emulator binds to loopback only, not ${host}`)
  let app: Emulator | undefined
  const server = await listen(
    (req, env) =>
      app ? app.fetch(req, env) : Response.json({ message: 'starting' }, { status: 503 }),
    opts.port ?? 0,
    host,
  )
  const port = (server.address() as AddressInfo).port
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}`
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections()
      server.close((err) => (err ? reject(err) : resolve()))
    })
  return {
    url,
    port,
    close,
    start(worldOrName, emulatorOpts = {}) {
      if (app) throw new Error(`the emulator on ${url} has already started`)
      const world = typeof worldOrName === 'string' ? loadWorld(worldOrName) : worldOrName
      const emulator = createEmulator(world, emulatorOpts)
      app = emulator
      return { url, authUrl: `${url}/identity/v3`, port, emulator, close }
    },
  }
}

/**
 * Starts the emulator on 127.0.0.1.
 * @throws {EmulatorListenError} when the port is in use (`port 8443 on 127.0.0.1 is in use`)
 * @example
 * const emu = await startEmulator({ world: 'demo', port: 0 })
 * // clouds.yaml auth_url: emu.authUrl
 * await emu.close()
 */
export async function startEmulator(opts: StartEmulatorOptions): Promise<RunningEmulator> {
  const { world, port, host, ...emulatorOpts } = opts
  // The world first: a world that does not load leaves no port open.
  const loaded = typeof world === 'string' ? loadWorld(world) : world
  const open = await openEmulatorPort({ port, host })
  try {
    return open.start(loaded, emulatorOpts)
  } catch (err) {
    await open.close()
    throw err
  }
}
