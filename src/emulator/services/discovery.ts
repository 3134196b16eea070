/**
 * Version discovery documents, as real OpenStack services serve them at their unversioned root
 * (and Keystone at `/v3`). Sphere's client does not need them, but openstacksdk, keystoneauth and
 * the `openstack` CLI discover versions before their first call.
 * @module
 */
import { type Context, Hono } from 'hono'
import { type EmulatorEnv, originOf, type Shared } from '../_route.ts'

interface VersionDoc {
  id: string
  status: string
  /** Highest microversion (Nova, Cinder); the emulator serves the base version only. */
  version?: string
  min_version?: string
  updated?: string
  links: Array<{ rel: string; href: string }>
  'media-types'?: Array<{ base: string; type: string }>
}

const UPDATED = '2022-10-01T00:00:00Z'

/** One discovery entry per served prefix: the version id and the path of the versioned root. */
const SERVICES: Record<string, { id: string; path: string; micro?: string }> = {
  compute: { id: 'v2.1', path: 'v2.1/', micro: '2.1' },
  image: { id: 'v2.9', path: 'v2/' },
  network: { id: 'v2.0', path: 'v2.0/' },
  volume: { id: 'v3.0', path: 'v3/', micro: '3.0' },
}

function versionDoc(
  origin: string,
  prefix: string,
  svc: { id: string; path: string; micro?: string },
): VersionDoc {
  return {
    id: svc.id,
    status: 'CURRENT',
    ...(svc.micro ? { version: svc.micro, min_version: svc.micro } : {}),
    updated: UPDATED,
    links: [{ rel: 'self', href: `${origin}/${prefix}/${svc.path}` }],
  }
}

function keystoneVersion(origin: string): VersionDoc {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: UPDATED,
    links: [{ rel: 'self', href: `${origin}/identity/v3/` }],
    'media-types': [
      { base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' },
    ],
  }
}

/** Routes `GET /<prefix>/` (all versions) and, for Keystone, `GET /identity/v3`. */
export function discoveryRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  for (const path of ['/identity', '/identity/']) {
    app.get(path, (c) =>
      c.json({ versions: { values: [keystoneVersion(originOf(c, shared))] } }, 300),
    )
  }
  for (const path of ['/identity/v3', '/identity/v3/']) {
    app.get(path, (c) => c.json({ version: keystoneVersion(originOf(c, shared)) }))
  }
  for (const [prefix, svc] of Object.entries(SERVICES)) {
    const list = (c: Context<EmulatorEnv>) =>
      c.json(
        { versions: [versionDoc(originOf(c, shared), prefix, svc)] },
        prefix === 'image' ? 300 : 200,
      )
    app.get(`/${prefix}`, list)
    app.get(`/${prefix}/`, list)
    const one = (c: Context<EmulatorEnv>) =>
      c.json({ version: versionDoc(originOf(c, shared), prefix, svc) })
    app.get(`/${prefix}/${svc.path}`, one)
    app.get(`/${prefix}/${svc.path.replace(/\/$/, '')}`, one)
  }
  return app
}
