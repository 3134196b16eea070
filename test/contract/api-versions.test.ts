/**
 * The real client against the emulator on a real port, once per API-version variant a region may
 * have (only the older version, only the newer, both) for each service read in several versions
 * (Nova, Cloud Eye alarm rules, CTS trackers, EVS volumes and backups): the normalised inventory must
 * be the same whatever the region serves, paged reads must page in each version's own style, and
 * the version that served must be the one recorded.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { readAlarms } from '../../src/clients/ces/alarms.ts'
import { createSession, type Session } from '../../src/clients/core/session.ts'
import { readTrackers } from '../../src/clients/cts/trackers.ts'
import { readBackupsDetail } from '../../src/clients/volume/backups.ts'
import { readVolumesDetail } from '../../src/clients/volume/volumes.ts'
import { toCesAlarm, toCesAlarmV1 } from '../../src/collectors/ces-alarm.ts'
import { type CollectedInventory, collectInventory } from '../../src/collectors/collect.ts'
import { toCtsTracker, toCtsTrackerV1 } from '../../src/collectors/cts-tracker.ts'
import { type CloudConfig, passwordCloudConfig } from '../../src/config/cloud-config.ts'
import {
  generateWorld,
  loginFor,
  type RunningEmulator,
  startEmulator,
  type World,
} from '../../src/emulator/index.ts'
import type { ServedVersions } from '../../src/emulator/world/api-versions.ts'
import type { AnyResource } from '../../src/inventory/types.ts'

const NOW = Date.parse('2026-11-01T00:00:00Z')
const CTX = { region: 'eu-de', projectId: '' }

/** A generated world with more alarm rules than one page, plus a rule on all servers and a disabled one. */
function baseWorld(): World {
  const w = generateWorld({ servers: 220, seed: 11, now: NOW })
  const pid = w.projects[0]!.id
  const extra = (name: string, over: Partial<World['alarms'][number]>) => ({
    ...w.alarms[0]!,
    id: `al${name.padEnd(22, '0')}`,
    projectId: pid,
    name,
    ...over,
  })
  return {
    ...w,
    alarms: [
      ...w.alarms,
      extra('allservers', { dimensions: [], notifications: [] }),
      extra('disabledrule', { enabled: false, actionsEnabled: false }),
    ],
  }
}

/** The world serving `versions` for the services named, every version for the others. */
function variantOf(world: World, versions: Partial<ServedVersions>): World {
  return {
    ...world,
    apiVersions: { default: { ...world.apiVersions.default, ...versions }, regions: {} },
  }
}

/** Resources sorted: what "the same inventory" means. */
function normalised(resources: readonly AnyResource[]): unknown[] {
  return [...resources].sort((a, b) => `${a.type} ${a.id}`.localeCompare(`${b.type} ${b.id}`))
}

async function serve(world: World, overrides: Partial<CloudConfig> = {}) {
  const emu = await startEmulator({ world, port: 0 })
  const config = passwordCloudConfig(
    { authUrl: emu.authUrl, ...loginFor(world) },
    { timeoutMs: 10_000, ...overrides },
  )
  return { emu, session: createSession(config) }
}

async function inventoryOf(world: World, overrides: Partial<CloudConfig> = {}) {
  const { emu, session } = await serve(world, overrides)
  try {
    const info = await session.info()
    return await collectInventory({
      clientFor: (k) => session.client(k),
      region: 'eu-de',
      projectId: info.projectId,
    })
  } finally {
    await emu.close()
  }
}

/** Each service with its variants and the version the client reads when both are served. */
const MATRIX = [
  { service: 'compute', variants: [['v2'], ['v2.1'], ['v2', 'v2.1']], preferred: 'v2.1' },
  { service: 'ces', variants: [['v1'], ['v2'], ['v1', 'v2']], preferred: 'v2' },
  { service: 'cts', variants: [['v1'], ['v3'], ['v1', 'v3']], preferred: 'v3' },
  { service: 'volume', variants: [['v2'], ['v3'], ['v2', 'v3']], preferred: 'v2' },
] as const

describe('one inventory whatever API versions the region serves (real port)', () => {
  const world = baseWorld()
  let baseline: CollectedInventory
  before(async () => {
    baseline = await inventoryOf(world)
  })

  it('the baseline reads every type without an issue', () => {
    assert.deepEqual(baseline.issues, [])
    assert.ok(baseline.resources.filter((r) => r.type === 'ces.alarm').length > 100)
    assert.deepEqual(baseline.apiVersions, {
      ces: 'v2',
      compute: 'v2.1',
      cts: 'v3',
      elb: 'v2.0+v3',
      volume: 'v2',
    })
  })

  for (const { service, variants, preferred } of MATRIX) {
    for (const versions of variants) {
      const label = `${service} ${versions.join('+')}`
      it(`${label}: the same normalised inventory, read through ${versions.length > 1 ? preferred : versions[0]}`, async () => {
        const got = await inventoryOf(variantOf(world, { [service]: versions }))
        assert.deepEqual(got.issues, [], label)
        assert.equal(got.apiVersions[service], versions.length > 1 ? preferred : versions[0])
        assert.deepEqual(normalised(got.resources), normalised(baseline.resources), label)
      })
    }
  }

  it('volume v2 only, endpoint from an override (no catalog hint): v3 answers 404, v2 serves', async () => {
    const variant = variantOf(world, { volume: ['v2'] })
    const { emu, session } = await serve(variant)
    try {
      const overridden = createSession({
        ...session.config,
        endpointOverrides: { volume: `${emu.url}/volume/v3/{project_id}` },
      })
      const client = await overridden.client('volume')
      assert.deepEqual(client.catalogTypes, [])
      const read = await readVolumesDetail(client, { limit: 50 })
      assert.equal(read.version, 'v2')
      assert.equal(overridden.stats().volume?.errors, 1, 'one 404 from v3')
    } finally {
      await emu.close()
    }
  })

  it('a region without any tracker: v1 (404 CTS.0214) and v3 (empty list) both say "none"', async () => {
    const none = { ...world, trackers: [] }
    for (const cts of [['v1'], ['v3']] as const) {
      const got = await inventoryOf(variantOf(none, { cts }))
      assert.deepEqual(got.issues, [])
      assert.equal(got.apiVersions.cts, cts[0])
      assert.equal(got.resources.filter((r) => r.type === 'cts.tracker').length, 0)
    }
  })
})

describe('paged reads in each version, several pages (real port)', () => {
  const world = baseWorld()
  const variants: { name: string; world: World }[] = [
    { name: 'older only', world: variantOf(world, { ces: ['v1'], cts: ['v1'], volume: ['v2'] }) },
    { name: 'newer only', world: variantOf(world, { ces: ['v2'], cts: ['v3'], volume: ['v3'] }) },
  ]
  const running: { emu: RunningEmulator; session: Session }[] = []
  before(async () => {
    for (const v of variants) running.push(await serve(v.world))
  })
  after(async () => {
    for (const r of running) await r.emu.close()
  })

  it('CES: v1 pages by start/meta_data.marker, v2 by offset; the same alarms either way', async () => {
    const out: unknown[][] = []
    for (const [i, { session }] of running.entries()) {
      const client = await session.client('ces')
      const pagesBefore = session.stats().ces?.pages ?? 0
      const rules = await readAlarms(client, { limit: 7 })
      assert.equal(rules.version, i === 0 ? 'v1' : 'v2')
      const ctx = { ...CTX, projectId: client.projectId }
      const mapped =
        rules.version === 'v2'
          ? rules.alarms.map((w) => toCesAlarm(w, ctx))
          : rules.alarms.map((w) => toCesAlarmV1(w, ctx))
      const pages = (session.stats().ces?.pages ?? 0) - pagesBefore
      assert.ok(pages >= Math.ceil(mapped.length / 7), `${rules.version}: ${pages} pages`)
      out.push(normalised(mapped))
    }
    assert.ok(out[0]!.length > 100)
    assert.deepEqual(out[0], out[1])
  })

  it('EVS: volumes and backups in pages of 9, the same through v2 and v3', async () => {
    const volumes: unknown[] = []
    const backups: unknown[] = []
    for (const [i, { session }] of running.entries()) {
      const client = await session.client('volume')
      const v = await readVolumesDetail(client, { limit: 9 })
      const b = await readBackupsDetail(client, { limit: 9 })
      assert.equal(v.version, i === 0 ? 'v2' : 'v3')
      assert.equal(b.version, v.version)
      assert.ok(v.value.length > 18 && b.value.length > 9)
      volumes.push(v.value.map((x) => x.id).sort())
      backups.push(b.value.map((x) => x.id).sort())
    }
    assert.deepEqual(volumes[0], volumes[1])
    assert.deepEqual(backups[0], backups[1])
  })

  it('CTS: the flat v1 tracker and the v3 list give the same tracker', async () => {
    const out: unknown[] = []
    for (const { session } of running) {
      const client = await session.client('cts')
      const read = await readTrackers(client)
      const ctx = { ...CTX, projectId: client.projectId }
      out.push(
        normalised(
          read.version === 'v3'
            ? read.trackers.map((w) => toCtsTracker(w, ctx))
            : read.trackers.map((w) => toCtsTrackerV1(w, ctx)),
        ),
      )
    }
    assert.equal((out[0] as unknown[]).length, 1)
    assert.deepEqual(out[0], out[1])
  })
})
