/**
 * ELB clients against the emulator on a real port, once per API variant: OTC (v3 dedicated +
 * v2.0 shared), Swiss eu-ch2 (v3 only), OpenStack Octavia (`/v2/lbaas`, and the older
 * `/v2.0/lbaas` alone). Every list pages in its own style (v3 `page_info.next_marker`, LBaaS
 * `_links`, OTC v2.0 certificates `instance_num`), and the collectors give the same load
 * balancers whatever the page size.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { parse } from 'yaml'
import { type ListDef, listItems } from '../../src/clients/_operation.ts'
import { createSession, type Session } from '../../src/clients/core/session.ts'
import { OPERATIONS } from '../../src/clients/operations.ts'
import { collectInventory } from '../../src/collectors/collect.ts'
import { passwordCloudConfig } from '../../src/config/cloud-config.ts'
import {
  generateWorld,
  loginFor,
  type RunningEmulator,
  startEmulator,
  type World,
} from '../../src/emulator/index.ts'
import { builtInWorldFile, worldFromData } from '../../src/emulator/world/load.ts'
import type { ResourceType } from '../../src/inventory/types.ts'

const NOW = Date.parse('2026-11-01T00:00:00Z')
const ELB_TYPES: ResourceType[] = ['elb.loadbalancer', 'elb.listener', 'elb.certificate', 'vpc.eip']
const elbLists = (versions: string[]) =>
  OPERATIONS.filter(
    (o): o is ListDef =>
      o.service === 'elb' && o.items !== undefined && versions.includes(o.apiVersion ?? ''),
  )

/** An OTC world with 10 load balancers, every second one shared, and three custom policies. */
function otcWorld(elb: ('v2.0' | 'v3')[] = ['v2.0', 'v3']): World {
  const g = generateWorld({ servers: 1000, seed: 5, now: NOW })
  const shared = (k: number) => k % 2 === 1
  const w: World = {
    ...g,
    loadBalancers: g.loadBalancers.map((lb, k) =>
      shared(k) ? { ...lb, kind: 'shared', eip: null } : { ...lb, kind: 'dedicated' },
    ),
    elbCertificates: g.elbCertificates.map((c, k) => ({
      ...c,
      kind: shared(k) ? 'shared' : 'dedicated',
    })),
  }
  const pid = w.projects[0]!.id
  const policies = [1, 2, 3].map((k) => ({
    id: `sp-${k}`,
    projectId: pid,
    name: `custom-${k}`,
    protocols: k === 1 ? ['TLSv1.1', 'TLSv1.2'] : ['TLSv1.2'],
  }))
  return {
    ...w,
    elbSecurityPolicies: policies,
    apiVersions: { default: { ...w.apiVersions.default, elb: elb }, regions: {} },
  }
}

/** The openstack world with Octavia and five load balancers (some public, some with tls_versions). */
function octaviaWorld(versions: ('v2' | 'v2.0')[]): World {
  const doc = parse(readFileSync(builtInWorldFile('openstack'), 'utf8'))
  doc.regions = {}
  doc.apiVersions = { elb: versions }
  doc.loadBalancers = [1, 2, 3, 4, 5].map((k) => ({
    name: `octavia-${k}`,
    public: k % 2 === 1,
    listeners: [
      {
        name: `octavia-${k}-tls`,
        protocol: 'TERMINATED_HTTPS',
        port: 443,
        ...(k <= 2
          ? { tlsVersions: k === 1 ? ['TLSv1.1', 'TLSv1.2'] : ['TLSv1.2', 'TLSv1.3'] }
          : {}),
      },
      {
        name: `octavia-${k}-http`,
        protocol: 'HTTP',
        port: 80,
        ...(k <= 3 ? { redirectPrefix: `https://octavia-${k}.example` } : {}),
      },
    ],
  }))
  return worldFromData(doc, { now: NOW, file: 'octavia world' })
}

async function serve(world: World) {
  const emu = await startEmulator({ world, port: 0 })
  const config = passwordCloudConfig(
    { authUrl: emu.authUrl, ...loginFor(world) },
    { timeoutMs: 10_000 },
  )
  return { emu, session: createSession(config) }
}

async function inventory(session: Session, region: string) {
  const info = await session.info()
  return collectInventory({
    clientFor: (k) => session.client(k),
    region,
    projectId: info.projectId,
    types: ELB_TYPES,
  })
}

for (const [name, world, versions, region] of [
  ['OTC (v3 + v2.0)', () => otcWorld(), ['v3', 'v2.0'], 'eu-de'],
  ['Octavia (/v2/lbaas)', () => octaviaWorld(['v2', 'v2.0']), ['v2', 'v2.0'], 'RegionOne'],
] as const) {
  const octavia = region === 'RegionOne'
  describe(`ELB lists on a real port: ${name}`, () => {
    const w = world()
    let emu: RunningEmulator
    let session: Session
    before(async () => ({ emu, session } = await serve(w)))
    after(() => emu?.close())

    // Octavia keeps certificates in Barbican: its /v2.0/lbaas has no certificate list.
    for (const op of elbLists([...versions]).filter(
      (o) => !(octavia && o.key === 'elb.ListCertificatesV20'),
    )) {
      it(`${op.key}: pages of 2 give the same items as one page, each once`, async () => {
        const client = await session.client('elb')
        const all = await listItems(client, op)
        const pagesBefore = session.stats().elb?.pages ?? 0
        const paged = await listItems(client, op, { limit: 2 })
        assert.deepEqual(paged, all)
        const ids = paged.map(
          (x) => (x as { id?: string; name?: string }).id ?? (x as { name: string }).name,
        )
        assert.equal(new Set(ids).size, ids.length)
        if (op.pager.kind !== 'none') {
          assert.ok(all.length > 2, `${op.key}: the world should span pages (${all.length} items)`)
          const pages = (session.stats().elb?.pages ?? 0) - pagesBefore
          // Links end when no more exist; a marker list ends only on a short (or empty) page.
          const want =
            op.pager.kind === 'links' ? Math.ceil(all.length / 2) : Math.floor(all.length / 2) + 1
          assert.equal(pages, want, `${op.key}: pages of 2`)
        }
      })
    }
  })
}

describe('ELB collection on a real port, per variant', () => {
  it('OTC: dedicated and shared load balancers, every listener and certificate, no issue', async () => {
    const w = otcWorld()
    const { emu, session } = await serve(w)
    try {
      const inv = await inventory(session, 'eu-de')
      assert.deepEqual(inv.issues, [])
      assert.equal(inv.apiVersions.elb, 'v2.0+v3')
      const lbs = inv.resources.filter((r) => r.type === 'elb.loadbalancer')
      const mine = w.loadBalancers.filter((l) => l.projectId === w.projects[0]!.id)
      assert.deepEqual(lbs.map((l) => l.id).sort(), mine.map((l) => l.id).sort())
      const certs = inv.resources.filter((r) => r.type === 'elb.certificate')
      assert.equal(certs.length, w.elbCertificates.length)
      assert.doesNotMatch(JSON.stringify(inv.resources), /PRIVATE KEY/)
    } finally {
      await emu.close()
    }
  })

  it('Swiss-like v3 only: the shared family is absent, not an issue', async () => {
    const w = otcWorld(['v3'])
    const { emu, session } = await serve(w)
    try {
      const inv = await inventory(session, 'eu-de')
      assert.deepEqual(inv.issues, [])
      assert.equal(inv.apiVersions.elb, 'v3')
      const dedicated = w.loadBalancers.filter(
        (l) => l.kind === 'dedicated' && l.projectId === w.projects[0]!.id,
      ).length
      assert.equal(inv.resources.filter((r) => r.type === 'elb.loadbalancer').length, dedicated)
    } finally {
      await emu.close()
    }
  })

  for (const versions of [['v2', 'v2.0'], ['v2.0']] as const) {
    it(`Octavia serving ${versions.join(' and ')}: listeners with tls_versions where given, certificates unavailable`, async () => {
      const w = octaviaWorld([...versions])
      const { emu, session } = await serve(w)
      try {
        const inv = await inventory(session, 'RegionOne')
        assert.deepEqual(inv.issues, [])
        assert.equal(inv.apiVersions.elb, versions[0])
        const listeners = inv.resources.filter((r) => r.type === 'elb.listener')
        assert.equal(listeners.length, 10)
        const tls = listeners.find((l) => l.name === 'octavia-1-tls')!
        assert.deepEqual(tls.type === 'elb.listener' && tls.tlsVersions, ['TLSv1.1', 'TLSv1.2'])
        const http = listeners.find((l) => l.name === 'octavia-1-http')!
        assert.equal(http.type === 'elb.listener' && http.redirects?.[0]?.toHttps, true)
        assert.deepEqual(
          inv.unavailable.map((u) => u.resourceType),
          ['elb.certificate'],
        )
        const eips = inv.resources.filter((r) => r.type === 'vpc.eip')
        assert.equal(eips.length, 3 + 2, 'three public load balancers and the two seeded addresses')
      } finally {
        await emu.close()
      }
    })
  }
})
