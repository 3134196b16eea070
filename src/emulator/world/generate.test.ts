import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { get, postToken, tokenFor } from '../_test-kit.ts'
import { createEmulator } from '../app.ts'
import {
  generateWorld,
  generateWorldDocument,
  organisationProjects,
  REGION_NAMES,
} from './generate.ts'
import type { World } from './model.ts'

const NOW = Date.parse('2025-06-01T00:00:00Z')

describe(generateWorld.name, () => {
  it('is deterministic: same seed, same world; another seed, another world', () => {
    assert.deepEqual(
      generateWorldDocument({ servers: 300, seed: 5 }),
      generateWorldDocument({ servers: 300, seed: 5 }),
    )
    const a = generateWorld({ servers: 300, seed: 5, now: NOW })
    const b = generateWorld({ servers: 300, seed: 5, now: NOW })
    assert.deepEqual(a, b)
    const c = generateWorld({ servers: 300, seed: 6, now: NOW })
    assert.notDeepEqual(
      a.servers.map((s) => s.keyName),
      c.servers.map((s) => s.keyName),
    )
  })

  it('keeps realistic ratios and a share of bad practice', () => {
    const w = generateWorld({ servers: 2000, seed: 1, now: NOW })
    const per = (n: number) => n / w.servers.length
    assert.equal(w.servers.length, 2000)
    assert.ok(
      per(w.volumes.length) > 1.3 && per(w.volumes.length) < 1.7,
      `volumes/server ${per(w.volumes.length)}`,
    )
    assert.ok(
      per(w.ports.length) >= 1 && per(w.ports.length) <= 2,
      `ports/server ${per(w.ports.length)}`,
    )
    assert.ok(per(w.floatingIps.length) > 0.25 && per(w.floatingIps.length) < 0.45)
    assert.ok(per(w.alarms.length) > 0.5 && per(w.alarms.length) < 0.7)
    assert.equal(w.users.length, 100)
    const rules = w.securityGroups.reduce((n, g) => n + g.rules.length, 0) / w.securityGroups.length
    assert.ok(rules > 5 && rules < 9, `rules/group ${rules}`) // ~5 ingress + 2 egress
    assert.ok(
      w.servers.some((s) => s.keyName === null) && w.servers.some((s) => s.keyName !== null),
    )
    assert.ok(w.floatingIps.some((f) => f.portId === null))
    assert.ok(w.volumes.some((v) => v.attachment === null))
    assert.ok(
      w.securityGroups.some((g) =>
        g.rules.some((r) => r.remoteIpPrefix === '0.0.0.0/0' && r.portMin === 22),
      ),
    )
    assert.ok(w.backupPolicies.some((p) => !p.enabled))
    assert.ok(w.rdsInstances.some((i) => i.publicIp !== null))
    const data = w.buckets.filter((b) => b.name.startsWith('generated-data-'))
    assert.ok(data.some((b) => b.grants.some((g) => g.grantee === 'everyone')))
    assert.ok(data.some((b) => b.encryption === null) && data.some((b) => b.encryption !== null))
    assert.ok(data.some((b) => b.versioning === 'Enabled') && data.some((b) => b.logging === null))
  })

  it('makes 10,000 servers whose lists span several pages at the maximum page sizes', async () => {
    const world = generateWorld({ servers: 10_000, seed: 42, now: NOW })
    const app = createEmulator(world)
    const token = await tokenFor(app, world, 'project', 'sphere-admin', 'Sphere-Generated-1')
    const pid = world.projects[0]!.id
    const servers = await (
      await get(app, `/compute/v2.1/${pid}/servers/detail?limit=1000`, token)
    ).json()
    assert.equal(servers.servers.length, 1000)
    assert.ok(servers.servers_links[0].href.includes('marker='))
    const ports = await (await get(app, '/network/v2.0/ports?limit=2000', token)).json()
    assert.ok(ports.ports_links)
    const volumes = await (
      await get(app, `/volume/v2/${pid}/volumes/detail?limit=1000`, token)
    ).json()
    assert.ok(volumes.volumes_links)
    const alarms = await (await get(app, `/ces/v2/${pid}/alarms?limit=100`, token)).json()
    assert.ok(alarms.count > 1000)
    const rds = await (await get(app, `/rds/v3/${pid}/instances?limit=100`, token)).json()
    assert.ok(rds.total_count > 100)
    const backups = await (await get(app, `/cbr/v3/${pid}/backups?limit=1000`, token)).json()
    assert.ok(backups.count > 10_000)
    assert.ok(
      world.images.length > 100 && world.keyPairs.length > 100 && world.securityGroups.length > 100,
    )
  })
})

/** Items per project id. */
const perProject = (w: World, items: readonly { projectId: string }[]) =>
  w.projects.map((p) => items.filter((i) => i.projectId === p.id).length)

describe('generateWorld with projects and regions', () => {
  it('keeps the single-project default unchanged, to the byte', () => {
    // SHA-256 of the document generated before projects/regions existed (servers=220, seed=11):
    // OBS buckets, KMS keys, DCS instances, flow logs, CCE clusters and load balancers came
    // later, from their own random streams (flow logs from none): without them it is unchanged.
    const full = generateWorldDocument({ servers: 220, seed: 11 })
    const {
      buckets,
      kmsKeys,
      dcsInstances,
      flowLogs,
      cceClusters,
      loadBalancers,
      elbCertificates,
      elbSecurityPolicies,
      ...before
    } = full
    assert.equal(
      createHash('sha256').update(JSON.stringify(before)).digest('hex'),
      '2d70635851bccb69bae3c037be4116b9bff0b47b44245b381655520e58923dcd',
    )
    assert.equal(buckets?.length, 4, 'a log bucket and one data bucket per 100 servers')
    // The document before CCE clusters and load balancers, to the byte; then with them (one
    // cluster per 250 servers, one load balancer per 100).
    const {
      cceClusters: _cce,
      loadBalancers: _lbs,
      elbCertificates: _certs,
      elbSecurityPolicies: _policies,
      ...beforeNew
    } = full
    assert.equal(
      createHash('sha256').update(JSON.stringify(beforeNew)).digest('hex'),
      '53b877a52acc8ae9426ed0973a91d3a974e0f07aff142bc110e9fce268564a75',
    )
    assert.equal(cceClusters?.length, 1)
    assert.equal(loadBalancers?.length, 3)
    assert.equal(elbCertificates?.length, 3)
    assert.deepEqual(elbSecurityPolicies, [])
    const doc = JSON.stringify(full)
    assert.equal(
      createHash('sha256').update(doc).digest('hex'),
      'fcdc7be701a296fc724ad877300df15bd53da064d0cc1b68c2280409ab5f6e73',
    )
    assert.equal(
      JSON.stringify(generateWorldDocument({ servers: 220, seed: 11, projects: 1, regions: 1 })),
      doc,
    )
  })

  it('names projects as OTC does: each region, then <region>_pNN in turn', () => {
    assert.deepEqual(organisationProjects(5, 2), [
      { name: 'eu-de', region: 'eu-de' },
      { name: 'eu-nl', region: 'eu-nl' },
      { name: 'eu-de_p01', region: 'eu-de' },
      { name: 'eu-nl_p01', region: 'eu-nl' },
      { name: 'eu-de_p02', region: 'eu-de' },
    ])
    assert.deepEqual(
      organisationProjects(4, 4).map((p) => p.name),
      ['eu-de', 'eu-nl', 'eu-fr', 'eu-at'],
    )
    assert.equal(organisationProjects(12, 12).at(-1)?.name, REGION_NAMES.at(-1))
    for (const [p, r] of [
      [1, 2],
      [3, 0],
      [20, 13],
      [1001, 1],
      [2.5, 1],
    ] as const)
      assert.throws(() => generateWorld({ servers: 10, projects: p, regions: r }), RangeError)
  })

  it('gives every project its share of each resource, linked within the project', () => {
    const w = generateWorld({ servers: 600, projects: 6, regions: 2, seed: 4, now: NOW })
    assert.deepEqual(
      w.projects.map((p) => `${p.name}@${p.region}`),
      [
        'eu-de@eu-de',
        'eu-nl@eu-nl',
        'eu-de_p01@eu-de',
        'eu-nl_p01@eu-nl',
        'eu-de_p02@eu-de',
        'eu-nl_p02@eu-nl',
      ],
    )
    assert.deepEqual(perProject(w, w.servers), [100, 100, 100, 100, 100, 100])
    const kinds = {
      volumes: w.volumes,
      ports: w.ports,
      floatingIps: w.floatingIps,
      securityGroups: w.securityGroups,
      networks: w.networks,
      vaults: w.vaults,
      backups: w.backups,
      alarms: w.alarms,
      trackers: w.trackers,
      rdsInstances: w.rdsInstances,
    }
    for (const [kind, items] of Object.entries(kinds)) {
      const counts = perProject(w, items)
      const mean = items.length / counts.length
      for (const n of counts)
        assert.ok(n > 0 && Math.abs(n - mean) <= mean * 0.4, `${kind} per project: ${counts}`)
    }
    const server = new Map(w.servers.map((s) => [s.id, s]))
    const project = new Map(w.projects.map((p) => [p.id, p]))
    for (const s of w.servers) assert.ok(s.az.startsWith(`${project.get(s.projectId)!.region}-0`))
    for (const v of w.volumes)
      if (v.attachment) assert.equal(server.get(v.attachment.serverId)!.projectId, v.projectId)
    for (const p of w.ports) assert.equal(server.get(p.serverId)!.projectId, p.projectId)
    // Identity stays account-wide: the same users as one project of 600 servers, each with a role everywhere.
    assert.equal(w.users.length, generateWorld({ servers: 600, seed: 4, now: NOW }).users.length)
    assert.equal(w.users[0]!.name, 'sphere-admin')
    assert.equal(w.users[0]!.projectIds.length, 6)
    assert.equal(new Set(w.servers.map((s) => s.name)).size, 600)
  })

  it('is deterministic with projects too', () => {
    const opts = { servers: 200, projects: 4, regions: 2, seed: 8 }
    assert.deepEqual(generateWorldDocument(opts), generateWorldDocument(opts))
    assert.notDeepEqual(generateWorldDocument(opts), generateWorldDocument({ ...opts, seed: 9 }))
  })

  it('serves each project its own resources under its own token', async () => {
    const world = generateWorld({ servers: 90, projects: 3, regions: 2, seed: 2, now: NOW })
    const app = createEmulator(world, { clock: () => NOW })
    const nl = world.projects[1]!
    const body = {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: 'sphere-admin',
              password: 'Sphere-Generated-1',
              domain: { name: world.domain.name },
            },
          },
        },
        scope: { project: { id: nl.id } },
      },
    }
    const token = (await postToken(app, body)).headers.get('X-Subject-Token')!
    const listed = await (
      await get(app, `/compute/v2.1/${nl.id}/servers/detail?limit=1000`, token)
    ).json()
    assert.deepEqual(
      listed.servers.map((s: { name: string }) => s.name).sort(),
      world.servers
        .filter((s) => s.projectId === nl.id)
        .map((s) => s.name)
        .sort(),
    )
    assert.equal(listed.servers.length, 30)
    const deToken = await tokenFor(app, world, 'project', 'sphere-admin', 'Sphere-Generated-1')
    const projects = await (await get(app, '/identity/v3/auth/projects', deToken)).json()
    assert.deepEqual(
      projects.projects.map((p: { name: string }) => p.name),
      ['eu-de', 'eu-nl', 'eu-de_p01', 'MOS'],
    )
  })
})
