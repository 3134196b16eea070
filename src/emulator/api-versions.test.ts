/**
 * The emulator serving each API-version variant a region may have (world `apiVersions`): the
 * versions a region lacks answer the gateway's 404 and are left out of its catalog; CTS v1 has
 * its own flat body and "no tracker" answer.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TokenResponse } from '../clients/identity/auth-schemas.ts'
import { demoWorld, get, passwordAuth, postToken, tokenFor } from './_test-kit.ts'
import { createEmulator } from './app.ts'
import type { ServedVersions } from './world/api-versions.ts'
import { worldFromData } from './world/load.ts'
import type { World } from './world/model.ts'

const demo = demoWorld()
const pid = demo.projects[0]!.id

/** The demo world serving only `versions` (others: every version). */
function variant(versions: Partial<ServedVersions>, base: World = demo): World {
  return {
    ...base,
    apiVersions: { default: { ...base.apiVersions.default, ...versions }, regions: {} },
  }
}

async function catalogTypes(world: World, project = world.projects[0]!.name): Promise<string[]> {
  const app = createEmulator(world)
  const res = await postToken(
    app,
    passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!', 'project', project),
  )
  return (TokenResponse.parse(await res.json()).token.catalog ?? []).map((c) => c.type)
}

describe('emulator API versions', () => {
  it('answers a version the region does not serve with the gateway 404, before authentication', async () => {
    const app = createEmulator(variant({ ces: ['v1'], cts: ['v3'], volume: ['v3'] }))
    const token = await tokenFor(app, app.world)
    for (const path of [
      `/ces/v2/${pid}/alarms`,
      `/cts/v1.0/${pid}/tracker?tracker_name=system`,
      `/volume/v2/${pid}/volumes/detail`,
      `/volume/v2/${pid}/backups/detail`,
    ]) {
      for (const t of [token, undefined]) {
        const res = await get(app, path, t)
        assert.equal(res.status, 404, path)
        const body = await res.json()
        assert.equal(body.error_code, 'APIGW.0101', path)
        assert.match(body.error_msg, /does not exist or has not been published/)
      }
    }
    for (const path of [
      `/ces/V1.0/${pid}/alarms`,
      `/cts/v3/${pid}/trackers`,
      `/volume/v3/${pid}/volumes/detail`,
    ])
      assert.equal((await get(app, path, token)).status, 200, path)
  })

  it('lists in the catalog only what the region serves, with OTC type names', async () => {
    const all = await catalogTypes(demo)
    for (const t of ['ces', 'cesv1', 'cts', 'volumev2', 'volumev3', 'evs'])
      assert.ok(all.includes(t), t)
    assert.ok(
      !all.includes('cesv2') && !all.includes('ctsv3'),
      'OTC lists neither CES v2 nor CTS v3',
    )
    const v1 = await catalogTypes(variant({ ces: ['v1'], cts: ['v1'], volume: ['v2'] }))
    assert.deepEqual(
      v1.filter((t) => /^(ces|cts|volume|evs)/.test(t)),
      ['volumev2', 'evs', 'ces', 'cesv1', 'cts'],
    )
    const newer = await catalogTypes(variant({ ces: ['v2'], cts: ['v3'], volume: ['v3'] }))
    assert.deepEqual(
      newer.filter((t) => /^(ces|cts|volume|evs)/.test(t)),
      ['volumev3', 'cesv2', 'ctsv3'],
    )
  })

  it('points the catalog at Nova v2 where v2.1 is not served, and 404s v2.1 there', async () => {
    const world = variant({ compute: ['v2'] })
    const app = createEmulator(world)
    const res = await postToken(app, passwordAuth(world, 'sphere-admin', 'Sphere-Demo-2024!'))
    const catalog = TokenResponse.parse(await res.json()).token.catalog ?? []
    const url = catalog.find((c) => c.type === 'compute')?.endpoints[0]?.url ?? ''
    assert.match(url, new RegExp(`/compute/v2/${pid}$`))
    const token = await tokenFor(app, world)
    assert.equal((await get(app, `/compute/v2/${pid}/servers/detail`, token)).status, 200)
    assert.equal((await get(app, `/compute/v2.1/${pid}/servers/detail`, token)).status, 404)
  })

  it('decides per region: the project of the path and of the token', async () => {
    const world = worldFromData(
      {
        name: 'two-regions',
        domain: { name: 'OTC00000000001000000042' },
        projects: [{ name: 'eu-de' }, { name: 'eu-ch2' }],
        users: [{ name: 'sphere-admin', password: 'Sphere-Demo-2024!', groups: ['admin'] }],
        alarms: [{ name: 'a', project: 'eu-ch2', notifications: ['t'] }],
        regions: { 'eu-ch2': { apiVersions: { ces: ['v1'] } } },
      },
      { now: Date.parse('2025-06-01T00:00:00Z') },
    )
    const app = createEmulator(world)
    const [de, ch] = world.projects
    assert.ok(!(await catalogTypes(world, 'eu-ch2')).includes('cesv2'))
    const tokenDe = await tokenFor(app, world, 'project', 'sphere-admin', 'Sphere-Demo-2024!')
    assert.equal((await get(app, `/ces/v2/${de!.id}/alarms`, tokenDe)).status, 200)
    const res = await get(app, `/ces/v2/${ch!.id}/alarms`)
    assert.equal(res.status, 404)
    assert.equal((await res.json()).error_code, 'APIGW.0101')
  })

  it('serves CTS v1 as one flat object; no tracker is 404 CTS.0214; tracker_name is required', async () => {
    const app = createEmulator(demo)
    const token = await tokenFor(app, demo)
    const t = await (await get(app, `/cts/v1.0/${pid}/tracker?tracker_name=system`, token)).json()
    assert.equal(t.tracker_name, 'system')
    assert.equal(t.bucket_name, 'nordwind-cts-logs')
    assert.equal(t.log_file_validate.is_support_validate, true)
    assert.equal(t.trackers, undefined)
    const none = createEmulator({ ...demo, trackers: [] })
    const missing = await get(
      none,
      `/cts/v1.0/${pid}/tracker?tracker_name=system`,
      await tokenFor(none, demo),
    )
    assert.equal(missing.status, 404)
    assert.equal((await missing.json()).error_code, 'CTS.0214')
    const bad = await get(app, `/cts/v1.0/${pid}/tracker`, token)
    assert.equal(bad.status, 400)
    assert.match((await bad.json()).error_code, /^CTS\./)
  })

  it('answers Cinder v2 on a plain OpenStack with webob 404 unless the world serves it', async () => {
    const os = openstackWorld()
    const osPid = os.projects[0]!.id
    const plain = createEmulator(os)
    const res = await get(plain, `/volume/v2/${osPid}/volumes/detail`, await tokenFor(plain, os))
    assert.equal(res.status, 404)
    assert.match(res.headers.get('Content-Type') ?? '', /text\/html/)
    assert.ok(!(await catalogTypes(os)).includes('volumev2'))
    const older = variant({ volume: ['v2', 'v3'] }, os)
    const app = createEmulator(older)
    const ok = await get(app, `/volume/v2/${osPid}/volumes/detail`, await tokenFor(app, older))
    assert.equal(ok.status, 200)
    assert.ok((await catalogTypes(older)).includes('volumev2'))
  })
})

function openstackWorld(): World {
  return worldFromData(
    {
      name: 'os',
      cloud: 'openstack',
      domain: { name: 'Default' },
      projects: [{ name: 'demo' }],
      users: [{ name: 'sphere-admin', password: 'Sphere-Demo-2024!', groups: ['admin'] }],
    },
    { now: Date.parse('2025-06-01T00:00:00Z') },
  )
}
