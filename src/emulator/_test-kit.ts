/**
 * Helpers for the emulator's own tests: a pinned clock, the demo world, token requests and
 * authenticated GETs against the in-process app.
 * @module
 */
import { createEmulator, type Emulator, type EmulatorOptions } from './app.ts'
import { loadWorld } from './world/load.ts'
import type { World } from './world/model.ts'

/** The instant tests pin `now` and the clock to. */
export const NOW = Date.parse('2025-06-01T12:00:00Z')
/** Origin used for in-process requests. */
export const ORIGIN = 'http://127.0.0.1:8443'

let demo: World | undefined
/** The demo world with `now` pinned (loaded once). */
export function demoWorld(): World {
  demo ??= loadWorld('demo', { now: NOW })
  return demo
}

/** A demo emulator with a controllable clock. */
export function demoEmulator(opts: EmulatorOptions = {}, world = demoWorld()) {
  let now = NOW
  const app = createEmulator(world, { clock: () => now, ...opts })
  return { app, world, advance: (ms: number) => (now += ms), pid: world.projects[0]!.id }
}

/** A password token request body. */
export function passwordAuth(
  world: World,
  user: string,
  password: string,
  scope: 'project' | 'domain' | 'none' = 'project',
  project = world.projects[0]!.name,
): unknown {
  const domain = { name: world.domain.name }
  return {
    auth: {
      identity: { methods: ['password'], password: { user: { name: user, password, domain } } },
      ...(scope === 'project' ? { scope: { project: { name: project, domain } } } : {}),
      ...(scope === 'domain' ? { scope: { domain } } : {}),
    },
  }
}

/** POST /identity/v3/auth/tokens. */
export function postToken(app: Emulator, body: unknown, query = ''): Promise<Response> {
  return Promise.resolve(
    app.request(`${ORIGIN}/identity/v3/auth/tokens${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
}

/** A token for a demo user (default `sphere-admin`). */
export async function tokenFor(
  app: Emulator,
  world: World,
  scope: 'project' | 'domain' = 'project',
  user = 'sphere-admin',
  password = 'Sphere-Demo-2024!',
): Promise<string> {
  const res = await postToken(app, passwordAuth(world, user, password, scope))
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`)
  return res.headers.get('X-Subject-Token')!
}

/** GET with a token; the path or a full URL. */
export function get(app: Emulator, pathOrUrl: string, token?: string): Promise<Response> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${ORIGIN}${pathOrUrl}`
  return Promise.resolve(app.request(url, { headers: token ? { 'X-Auth-Token': token } : {} }))
}
