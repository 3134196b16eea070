/**
 * A plain OpenStack with two regions: every project is in both, its catalog lists endpoints in
 * each (RegionOne at the origin, RegionTwo under `/region/RegionTwo`), resources live in one
 * region, and each region's endpoints serve only that region's resources, to the real client too.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { listItems } from '../clients/_operation.ts'
import { createSession } from '../clients/core/session.ts'
import { TokenResponse } from '../clients/identity/auth-schemas.ts'
import { OPS } from '../clients/operations.ts'
import { passwordCloudConfig } from '../config/cloud-config.ts'
import { InputError } from '../model/input-error.ts'
import { get, NOW, ORIGIN, passwordAuth, postToken, tokenFor } from './_test-kit.ts'
import { createEmulator } from './app.ts'
import { worldFromData } from './world/load.ts'

const two = (region: string) => ({ region })
const DATA = {
  name: 'two-regions',
  cloud: 'openstack',
  domain: { name: 'Default' },
  regions: { RegionTwo: { apiVersions: { volume: ['v2', 'v3'] }, missingServices: ['image'] } },
  projects: [{ name: 'demo' }],
  users: [{ name: 'admin', password: 'pw', groups: ['admin'] }],
  flavors: [{ name: 'm1.small', vcpus: 1, ram: 2048 }],
  images: [{ name: 'ubuntu-22.04', osDistro: 'ubuntu', osDistroVersion: '22.04' }],
  networks: [
    { name: 'net', cidr: '10.0.1.0/24' },
    { name: 'net', cidr: '10.0.2.0/24', ...two('RegionTwo') },
  ],
  securityGroups: [
    { name: 'web', rules: [{ protocol: 'tcp', ports: 443, remote: '0.0.0.0/0' }] },
    {
      name: 'web',
      ...two('RegionTwo'),
      rules: [{ protocol: 'tcp', ports: 22, remote: '0.0.0.0/0' }],
    },
  ],
  servers: [
    { name: 'one-a', flavor: 'm1.small', image: 'ubuntu-22.04', securityGroups: ['web'] },
    {
      name: 'two-a',
      ...two('RegionTwo'),
      flavor: 'm1.small',
      image: 'ubuntu-22.04',
      securityGroups: ['web'],
    },
    { name: 'two-b', ...two('RegionTwo'), flavor: 'm1.small', image: 'ubuntu-22.04' },
  ],
  volumes: [
    { name: 'one-data', size: 10, attachedTo: 'one-a' },
    { name: 'two-data', size: 10, attachedTo: 'two-a', ...two('RegionTwo') },
  ],
  floatingIps: [{ address: '172.24.4.20', server: 'two-a', ...two('RegionTwo') }],
}

function setup() {
  const world = worldFromData(DATA, { now: NOW })
  const app = createEmulator(world, { clock: () => NOW })
  return { world, app, pid: world.projects[0]!.id }
}
const namesOf = (items: { name: string }[]) => items.map((i) => i.name).sort()

describe('a plain OpenStack with two regions', () => {
  it('puts every project in every region, and each resource in one', () => {
    const { world } = setup()
    assert.deepEqual(world.regions, ['RegionOne', 'RegionTwo'])
    assert.deepEqual(world.projects[0]!.regions, ['RegionOne', 'RegionTwo'])
    assert.deepEqual(
      world.servers.map((s) => `${s.name}@${s.region}`),
      ['one-a@RegionOne', 'two-a@RegionTwo', 'two-b@RegionTwo'],
    )
    const defaults = world.securityGroups.filter((g) => g.name === 'default')
    assert.deepEqual(defaults.map((g) => g.region).sort(), ['RegionOne', 'RegionTwo'])
    const [web1, web2] = world.securityGroups.filter((g) => g.name === 'web')
    assert.notEqual(web1!.id, web2!.id)
    const port = (server: string) =>
      world.ports.find((p) => p.serverId === world.servers.find((s) => s.name === server)!.id)!
    assert.deepEqual(port('two-a').securityGroupIds, [web2!.id])
    assert.equal(port('two-a').region, 'RegionTwo')
    assert.equal(port('two-a').ip, '10.0.2.10')
    assert.equal(
      port('two-b').securityGroupIds[0],
      defaults.find((g) => g.region === 'RegionTwo')!.id,
    )
    assert.equal(world.floatingIps[0]!.region, 'RegionTwo')
  })

  it('lists endpoints in both regions: RegionOne at the origin, RegionTwo under /region/RegionTwo', async () => {
    const { world, app, pid } = setup()
    const res = await postToken(app, passwordAuth(world, 'admin', 'pw', 'project', 'demo'))
    const catalog = TokenResponse.parse(await res.json()).token.catalog!
    const endpoints = (type: string) =>
      catalog.find((c) => c.type === type)?.endpoints.map((e) => `${e.region} ${e.url}`)
    assert.deepEqual(endpoints('compute'), [
      `RegionOne ${ORIGIN}/compute/v2.1/${pid}`,
      `RegionTwo ${ORIGIN}/region/RegionTwo/compute/v2.1/${pid}`,
    ])
    assert.deepEqual(endpoints('image'), [`RegionOne ${ORIGIN}/image`], 'RegionTwo has no image')
    assert.deepEqual(endpoints('volumev2'), [
      `RegionTwo ${ORIGIN}/region/RegionTwo/volume/v2/${pid}`,
    ])
    assert.deepEqual(endpoints('identity'), [
      `RegionOne ${ORIGIN}/identity/v3`,
      `RegionTwo ${ORIGIN}/identity/v3`,
      `* ${ORIGIN}/identity/v3`,
    ])
  })

  it("serves each region's resources at its own endpoints, next links included", async () => {
    const { world, app, pid } = setup()
    const token = await tokenFor(app, world, 'project', 'admin', 'pw')
    const list = async (path: string, key: string) => {
      const res = await get(app, path, token)
      assert.equal(res.status, 200, path)
      return (await res.json())[key]
    }
    assert.deepEqual(namesOf(await list(`/compute/v2.1/${pid}/servers/detail`, 'servers')), [
      'one-a',
    ])
    const r2 = `/region/RegionTwo`
    assert.deepEqual(namesOf(await list(`${r2}/compute/v2.1/${pid}/servers/detail`, 'servers')), [
      'two-a',
      'two-b',
    ])
    assert.deepEqual(namesOf(await list(`${r2}/volume/v3/${pid}/volumes/detail`, 'volumes')), [
      'two-data',
    ])
    assert.equal((await list(`${r2}/network/v2.0/floatingips`, 'floatingips')).length, 1)
    assert.equal((await list('/network/v2.0/floatingips', 'floatingips')).length, 0)
    assert.deepEqual(namesOf(await list(`${r2}/network/v2.0/security-groups`, 'security_groups')), [
      'default',
      'web',
    ])
    const page = await (
      await get(app, `${r2}/compute/v2.1/${pid}/servers/detail?limit=1`, token)
    ).json()
    assert.ok(
      page.servers_links[0].href.startsWith(`${ORIGIN}${r2}/compute/v2.1/${pid}/servers/detail?`),
    )
    const rest = await (await get(app, page.servers_links[0].href, token)).json()
    assert.deepEqual(namesOf([...page.servers, ...rest.servers]), ['two-a', 'two-b'])
    // A version or service the region lacks, and a region the cloud lacks.
    assert.equal((await get(app, `/volume/v2/${pid}/volumes/detail`, token)).status, 404)
    assert.equal((await get(app, `${r2}/image/v2/images`, token)).status, 404)
    assert.equal((await get(app, '/region/RegionNine/network/v2.0/ports', token)).status, 404)
  })

  it('is read by the real client in either region', async () => {
    const { app } = setup()
    const servers = async (region: string) => {
      const config = passwordCloudConfig({
        authUrl: `${ORIGIN}/identity/v3`,
        username: 'admin',
        password: 'pw',
        projectName: 'demo',
        domainName: 'Default',
        region,
      })
      const session = createSession(config, {
        fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
        now: () => NOW,
      })
      const client = await session.client('compute')
      return namesOf(await listItems(client, OPS['compute.ListServersDetail'], {}))
    }
    assert.deepEqual(await servers('RegionOne'), ['one-a'])
    assert.deepEqual(await servers('RegionTwo'), ['two-a', 'two-b'])
  })

  it('reports a region a project is not in and a reference across regions, with paths', () => {
    const otc = () =>
      worldFromData({
        name: 'otc',
        domain: { name: 'OTC00000000001000000042' },
        projects: [{ name: 'eu-de' }, { name: 'eu-nl' }],
        networks: [{ name: 'net', cidr: '10.0.0.0/24', region: 'eu-nl' }],
      })
    assert.throws(otc, (err: unknown) => {
      assert.ok(err instanceof InputError)
      assert.deepEqual(
        err.issues.map((i) => `${i.path}: ${i.message}`),
        ['networks[0].region: project "eu-de" is not in region "eu-nl"; expected one of: "eu-de"'],
      )
      return true
    })
    const crossed = () =>
      worldFromData({
        ...DATA,
        volumes: [{ name: 'x', size: 1, attachedTo: 'one-a', region: 'RegionTwo' }],
      })
    assert.throws(crossed, (err: unknown) => {
      assert.ok(err instanceof InputError)
      assert.match(
        err.issues[0]!.message,
        /^unknown server "one-a"; expected one of: "two-a", "two-b"$/,
      )
      assert.equal(err.issues[0]!.path, 'volumes[0].attachedTo')
      return true
    })
  })
})
