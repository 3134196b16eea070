import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { get, tokenFor } from '../_test-kit.ts'
import { createEmulator } from '../app.ts'
import { generateWorld, generateWorldDocument } from './generate.ts'

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
