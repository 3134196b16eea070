/**
 * Meta-test over the check registry: a check reads only what it declares, and data it declares
 * that could not be read never gives a pass. The demo world is collected once through the real
 * client from the in-process emulator; then, for every check and every type it declares (its own,
 * `requires`, and so the sources of every derived field it may read; see `derived-fields.ts`),
 * that type is dropped as a collection issue (`incomplete`) and as not offered (`unavailable`),
 * and the check is evaluated alone: no `pass`, only `error`, and its duty is not `met`.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { AnyCheck } from '../checks/define.ts'
import { checks } from '../checks/index.ts'
import { declaredTypes } from '../checks/run.ts'
import { DEFAULT_SETTINGS } from '../checks/settings.ts'
import { createSession, type SessionDeps } from '../clients/core/session.ts'
import type { CollectedInventory } from '../collectors/collect.ts'
import { passwordCloudConfig } from '../config/cloud-config.ts'
import { createEmulator } from '../emulator/app.ts'
import { loginFor } from '../emulator/clouds-yaml.ts'
import { loadWorld } from '../emulator/world/load.ts'
import { Inventory } from '../inventory/inventory.ts'
import { issue } from '../inventory/testing.ts'
import { RESOURCE_SERVICES, RESOURCE_TYPES, type ResourceType } from '../inventory/types.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import { evaluateScan } from './evaluate.ts'
import { collectFromCloud } from './scan-clouds.ts'
import type { Finding, ScanResult } from './types.ts'

const NOW = new Date('2025-06-01T12:00:00Z')
const world = loadWorld('demo', { now: NOW })
const model = loadResponsibilityModel()
const TOOL = { name: 'sphere', version: '0.0.0-test' }

type Drop = 'incomplete' | 'unavailable'

/** The demo world collected through the real client; `fetch` may answer some requests itself. */
async function collectDemo(
  intercept: (url: URL) => Response | undefined = () => undefined,
): Promise<CollectedInventory> {
  const app = createEmulator(world, { clock: () => NOW.getTime() })
  const deps: SessionDeps = {
    fetch: async (input, init) => {
      const req = new Request(input, init)
      return intercept(new URL(req.url)) ?? app.fetch(req)
    },
    now: () => NOW.getTime(),
    sleep: async () => {},
    random: () => 0,
  }
  const login = { authUrl: 'http://127.0.0.1:8443/identity/v3', ...loginFor(world) }
  const session = createSession(passwordCloudConfig(login), deps)
  // Project and account scopes as one inventory: every check runs over it.
  const { scopes } = await collectFromCloud(session, { tool: TOOL, now: () => NOW })
  return {
    resources: scopes.flatMap((s) => s.input.resources),
    collected: scopes.flatMap((s) => s.input.collected),
    issues: scopes.flatMap((s) => s.input.issues ?? []),
    unavailable: scopes.flatMap((s) => s.input.unavailable ?? []),
    apiVersions: {},
  }
}

let full: CollectedInventory
let projectId: string
const inventories = new Map<string, Inventory>()

/** The demo inventory without `type`: listed with an issue, or not offered by the cloud. */
function without(type: ResourceType, drop: Drop): Inventory {
  const key = `${type}/${drop}`
  let inv = inventories.get(key)
  if (!inv) {
    const resources = full.resources.filter((r) => r.type !== type)
    const service = RESOURCE_SERVICES[type]
    inv = new Inventory(
      drop === 'incomplete'
        ? { ...full, resources, issues: [...full.issues, issue(type, { service })] }
        : {
            ...full,
            resources,
            unavailable: [{ resourceType: type, service, reason: 'not in the catalog' }],
          },
    )
    inventories.set(key, inv)
  }
  return inv
}

/** `check` alone over `inv`. */
function run(inv: Inventory, check: AnyCheck): ScanResult {
  return evaluateScan({
    inventory: inv,
    checks,
    model,
    settings: DEFAULT_SETTINGS,
    now: NOW,
    selection: { checkIds: [check.id] },
    scope: { cloud: 'demo', region: 'eu-de', projectId, projectName: 'eu-de', kind: 'project' },
    authUrl: 'http://127.0.0.1:8443/identity/v3',
    scan: { startedAt: NOW.toISOString(), finishedAt: NOW.toISOString(), tool: TOOL },
  })
}

const byFingerprint = (fs: readonly Finding[]) => new Map(fs.map((f) => [f.fingerprint, f]))
const show = (f: Finding) => `${f.status} ${f.resource.type} ${f.resource.id}: ${f.message}`

/** The check's duty is not met, and none of its findings is a pass. */
function assertNoPass(r: ScanResult, check: AnyCheck, what: string): void {
  const passes = r.findings.filter((f) => f.status === 'pass')
  assert.deepEqual(passes.map(show), [], `${check.id} passes with ${what}`)
  const duty = r.duties.find((d) => d.id === check.duty)
  assert.ok(duty, `duty ${check.duty} is rolled up`)
  assert.notEqual(duty.status, 'met', `duty ${check.duty} is met with ${what}`)
}

describe('a check reads only what it declares (demo world, real client)', () => {
  before(async () => {
    full = await collectDemo()
    projectId = full.resources.find((r) => r.type === 'project')!.id
  })

  it('collects the demo world completely, and no check reads an undeclared type there', () => {
    assert.deepEqual(full.issues, [])
    const r = run(new Inventory(full), checks[0]!)
    assert.ok(r.findings.length > 0)
    for (const check of checks) {
      const fs = run(new Inventory(full), check).findings
      assert.ok(fs.length > 0, `${check.id} has findings on the demo world`)
      const threw = fs.filter((f) => f.cause === 'check-threw').map(show)
      assert.deepEqual(threw, [], `${check.id} threw on the demo world`)
    }
  })

  for (const check of checks) {
    describe(check.id, () => {
      // `project` is synthetic (no API call): it cannot be missing.
      const required = [check.resourceType, ...check.requires].filter((t) => t !== 'project')
      for (const type of required)
        for (const drop of ['incomplete', 'unavailable'] as const)
          it(`${type} ${drop}: every finding is an error (${drop}), the duty is not met`, () => {
            const r = run(without(type, drop), check)
            assert.ok(r.findings.length > 0, 'the missing data shows as findings')
            for (const f of r.findings) {
              assert.equal(f.status, 'error', show(f))
              assert.equal(f.cause, drop, show(f))
            }
            assertNoPass(r, check, `${type} ${drop}`)
          })

      // Read only for some resources, which the check guards itself: an image check errs on a
      // server booted from an unread volume; a host check only loses a Windows hint (it asks for
      // evidence instead of calling a server Windows). Either way nothing may newly pass.
      for (const type of check.alsoReads ?? [])
        for (const drop of ['incomplete', 'unavailable'] as const)
          it(`${type} ${drop} (read for some resources): nothing new passes`, () => {
            const before = byFingerprint(run(new Inventory(full), check).findings)
            const r = run(without(type, drop), check)
            if (!check.id.startsWith('host-')) {
              const naming = r.findings.filter(
                (f) => f.status === 'error' && JSON.stringify(f.evidence).includes(type),
              )
              assert.ok(naming.length > 0, `no finding names ${type} as missing`)
            }
            for (const f of r.findings)
              if (f.status === 'pass')
                assert.equal(before.get(f.fingerprint)?.status, 'pass', `newly passes: ${show(f)}`)
            const duty = r.duties.find((d) => d.id === check.duty)
            assert.notEqual(duty?.status, 'met')
          })

      it('no type it does not declare turns a verdict into a pass when missing', () => {
        const before = byFingerprint(run(new Inventory(full), check).findings)
        const declared = new Set(declaredTypes(check))
        for (const type of RESOURCE_TYPES.filter((t) => !declared.has(t) && t !== 'project'))
          for (const drop of ['incomplete', 'unavailable'] as const)
            for (const f of run(without(type, drop), check).findings)
              if (f.status === 'pass')
                assert.equal(
                  before.get(f.fingerprint)?.status,
                  'pass',
                  `${type} ${drop}: newly passes: ${show(f)}`,
                )
      })
    })
  }

  it('ports answered with an HTML 502 by a proxy: servers are not said to avoid the default group', async () => {
    const check = checks.find((c) => c.id === 'ecs-server-not-default-sg')!
    const fails = run(new Inventory(full), check).findings.filter((f) => f.status === 'fail')
    assert.ok(fails.length > 0, 'the demo world has servers in the default group')
    const html = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'
    const broken = await collectDemo((url) =>
      url.pathname.endsWith('/v2.0/ports')
        ? new Response(html, { status: 502, headers: { 'Content-Type': 'text/html' } })
        : undefined,
    )
    assert.deepEqual(
      broken.issues.map((i) => i.resourceType),
      ['vpc.port'],
    )
    const r = run(new Inventory(broken), check)
    const servers = r.findings.filter((f) => f.resource.type === 'ecs.server')
    assert.ok(servers.length > 0)
    for (const f of servers) {
      assert.equal(f.status, 'error', show(f))
      assert.equal(f.cause, 'incomplete')
      assert.deepEqual(f.evidence, { missing: ['vpc.port'] })
    }
    assert.equal(r.duties.find((d) => d.id === check.duty)?.status, 'unknown')
  })
})
