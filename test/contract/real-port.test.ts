/**
 * The real client against the emulator on a real loopback port (node's fetch, real sockets):
 * every list operation in its service's paging style on a world larger than one page, and a full
 * inventory read under injected faults that must lose nothing and double nothing.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type ListDef, listItems } from '../../src/clients/_operation.ts'
import { createSession, type Session } from '../../src/clients/core/session.ts'
import { OPERATIONS, type OperationDef } from '../../src/clients/operations.ts'
import { collectInventory } from '../../src/collectors/collect.ts'
import { type CloudConfig, passwordCloudConfig } from '../../src/config/cloud-config.ts'
import {
  type EmulatorOptions,
  generateWorld,
  loginFor,
  type RunningEmulator,
  startEmulator,
  type World,
} from '../../src/emulator/index.ts'
import { Inventory } from '../../src/inventory/inventory.ts'
import type { AnyResource } from '../../src/inventory/types.ts'

// Octavia's /v2/lbaas is not served by OTC (the demo world): test/contract/elb.test.ts reads it.
const LISTS = OPERATIONS.filter(
  (o): o is ListDef => o.items !== undefined && !(o.service === 'elb' && o.apiVersion === 'v2'),
)

function configFor(emu: RunningEmulator, world: World): CloudConfig {
  return passwordCloudConfig({ authUrl: emu.authUrl, ...loginFor(world) }, { timeoutMs: 10_000 })
}

function params(
  op: OperationDef,
  world: World,
): { params?: Record<string, string>; query?: Record<string, string> } {
  if (op.key === 'identity.ListGroupUsers') return { params: { group_id: world.groups[0]!.id } }
  if (op.key === 'rds.ListBackups') return { query: { instance_id: world.rdsInstances[0]!.id } }
  if (op.key === 'iam.ListAgencies') return { query: { domain_id: world.domain.id } }
  if (op.key === 'cce.ListNodes') return { params: { cluster_id: world.cceClusters[0]!.id } }
  return {}
}

async function serve(world: World, opts: Omit<EmulatorOptions, 'clock' | 'baseUrl'> = {}) {
  const emu = await startEmulator({ world, port: 0, ...opts })
  return { emu, session: createSession(configFor(emu, world)) }
}

describe('client ↔ emulator on a real port: every list operation, every paging style', () => {
  const world = generateWorld({ servers: 150, seed: 3, now: Date.parse('2026-11-01T00:00:00Z') })
  let emu: RunningEmulator
  let session: Session
  before(async () => ({ emu, session } = await serve(world)))
  after(() => emu?.close())

  for (const op of LISTS) {
    it(`${op.key} (${op.pager.kind}): small pages give the same items as one page, none twice`, async () => {
      const client = await session.client(op.service)
      const all = await listItems(client, op, params(op, world))
      const before = session.stats()[op.service]?.pages ?? 0
      const paged = await listItems(client, op, { ...params(op, world), limit: 3 })
      assert.deepEqual(paged, all)
      const ids = paged.map((x) => JSON.stringify((x as { id?: unknown }).id ?? x))
      assert.equal(new Set(ids).size, ids.length, 'an item was returned twice')
      // Keystone lists (users, groups) are not paged by size, as on a real Keystone.
      if (op.pager.kind !== 'none' && op.service !== 'identity' && all.length > 3) {
        assert.ok(
          (session.stats()[op.service]?.pages ?? 0) - before > 1,
          'more than one page was read',
        )
      }
    })
  }
})

/** Ids per resource type, sorted: what "the same inventory" means. */
function idsByType(resources: readonly AnyResource[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const r of resources) {
    out[r.type] = [...(out[r.type] ?? []), r.id]
  }
  for (const k of Object.keys(out)) out[k]!.sort()
  return out
}

async function readInventory(
  world: World,
  opts: Omit<EmulatorOptions, 'clock' | 'baseUrl'> = {},
  retry: { maxAttempts?: number } = {},
) {
  const emu = await startEmulator({ world, port: 0, ...opts })
  const session = createSession(configFor(emu, world), { retry })
  try {
    const info = await session.info()
    const input = await collectInventory({
      clientFor: (k) => session.client(k),
      region: 'eu-de',
      projectId: info.projectId,
    })
    return {
      input,
      stats: session.stats(),
      emulatorStats: emu.emulator.stats(),
      load: emu.emulator.load(),
    }
  } finally {
    await emu.close()
  }
}

describe('full inventory read of the demo world under faults', () => {
  const world = generateWorld({ servers: 400, seed: 9, now: Date.parse('2026-11-01T00:00:00Z') })

  it('--fault-rate 0.2 --throttle-rps 20: exactly the world’s resources, retries recorded', {
    timeout: 180_000,
  }, async () => {
    const clean = await readInventory(world)
    assert.deepEqual(clean.input.issues, [])
    // At a 20% fault rate one request in 3,125 fails 5 attempts in a row, and a full read makes
    // well over a thousand: 8 attempts (1 in 390,625) keep "every fault retried away" true.
    const faulty = await readInventory(
      world,
      { faultRate: 0.2, throttleRps: 20, seed: 7 },
      { maxAttempts: 8 },
    )
    assert.deepEqual(faulty.input.issues, [], 'every fault was retried away')
    assert.deepEqual(idsByType(faulty.input.resources), idsByType(clean.input.resources))
    const retries = Object.values(faulty.stats).reduce((n, s) => n + s.retries, 0)
    assert.ok(
      faulty.emulatorStats.faults.total > faulty.emulatorStats.faults.throttled,
      '5xx faults were injected',
    )
    // The emulator's bucket holds 20 tokens and refills 20 per second, so up to 40 requests of a
    // service pass within one second without a throttle (the peak is a sliding 1 s window).
    // Throttling needs more than that; a loaded machine may not get there, and then there is
    // nothing to throttle (not a failure of the client).
    const peak = Math.max(...Object.values(faulty.load.peakPerSecond).map((n) => n ?? 0))
    assert.ok(
      faulty.emulatorStats.faults.throttled > 0 || peak <= 2 * 20,
      `requests beyond 20/s were throttled (peak ${peak}/s)`,
    )
    assert.ok(retries > 0, 'retries are recorded in the session stats')
    console.log(
      `# faults injected: ${faulty.emulatorStats.faults.total} (throttled ${faulty.emulatorStats.faults.throttled}); client retries: ${retries}`,
    )
  })

  it('a service that always fails is reported, not hidden', { timeout: 120_000 }, async () => {
    const { input } = await readInventory(world, { failServices: ['cbr'] })
    const cbrIssues = input.issues.filter((i) => i.service === 'cbr')
    assert.deepEqual([...new Set(cbrIssues.map((i) => i.resourceType))].sort(), [
      'cbr.backup',
      'cbr.policy',
      'cbr.vault',
    ])
    const inv = new Inventory(input)
    assert.equal(inv.status('cbr.vault'), 'incomplete')
    assert.equal(inv.status('ecs.server'), 'complete')
    assert.ok(inv.all('ecs.server').length > 0)
  })
})
