/**
 * Puts the dashboard on a socket: 127.0.0.1 unless told otherwise, and any other address only
 * with an auth token.
 * @module
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createDashboard, type DashboardOptions } from './app.ts'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/** Binding beyond loopback without a token is refused. */
export class ServeConfigError extends Error {}

/** A running dashboard. */
export interface RunningDashboard {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

/** Starts the dashboard on `host:port` (port 0: a free one). */
export async function startDashboard(
  opts: DashboardOptions & { host?: string; port?: number },
): Promise<RunningDashboard> {
  const host = opts.host ?? '127.0.0.1'
  if (!LOOPBACK.has(host) && !opts.token)
    throw new ServeConfigError(
      `binding ${host} (not loopback) needs --auth-token or --auth-token-file`,
    )
  const app = createDashboard(opts)
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, () =>
      resolve(s),
    ) as Server
    s.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}
