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

function listen(emulator: Emulator, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: emulator.fetch, port, hostname: host }, () => resolve(s)) as Server
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(new EmulatorListenError(host, port, err)),
    )
  })
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
  const host = opts.host ?? '127.0.0.1'
  if (!LOOPBACK.has(host)) throw new RangeError(`the emulator binds to loopback only, not ${host}`)
  const world = typeof opts.world === 'string' ? loadWorld(opts.world) : opts.world
  const { world: _w, port: _p, host: _h, ...emulatorOpts } = opts
  const emulator = createEmulator(world, emulatorOpts)
  const server = await listen(emulator, opts.port ?? 0, host)
  const port = (server.address() as AddressInfo).port
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}`
  return {
    url,
    authUrl: `${url}/identity/v3`,
    port,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}
