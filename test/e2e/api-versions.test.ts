/**
 * The demo world scanned end to end (real port, the engine as `sphere demo` runs it) under every
 * API-version variant a region may have: every verdict (check, resource, status) must be the same
 * whichever versions serve Nova, Cloud Eye, CTS and EVS, and the report must say which did.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { checks } from '../../src/checks/index.ts'
import { createSession } from '../../src/clients/core/session.ts'
import { passwordCloudConfig } from '../../src/config/cloud-config.ts'
import { loadWorld, loginFor, startEmulator, type World } from '../../src/emulator/index.ts'
import type { ServedVersions } from '../../src/emulator/world/api-versions.ts'
import { evaluateInventory } from '../../src/engine/run-scan.ts'
import { collectFromCloud } from '../../src/engine/scan-clouds.ts'
import { loadScanConfig } from '../../src/engine/scan-config.ts'
import type { ScanResult } from '../../src/engine/types.ts'
import { toJsonReport } from '../../src/reports/json.ts'
import { loadResponsibilityModel } from '../../src/responsibility/load.ts'

const NOW = new Date('2026-11-01T00:00:00Z')
const model = loadResponsibilityModel()
const settings = loadScanConfig().settings

async function scan(world: World): Promise<ScanResult> {
  const emu = await startEmulator({ world, port: 0 })
  try {
    const config = passwordCloudConfig({ authUrl: emu.authUrl, ...loginFor(world) })
    const collected = await collectFromCloud(createSession(config), {
      tool: { name: 'sphere', version: 'test' },
      now: () => NOW,
    })
    return evaluateInventory(collected, {
      checks,
      model,
      settings,
      tool: { name: 'sphere', version: 'test' },
      startedAt: NOW,
      now: NOW,
    })
  } finally {
    await emu.close()
  }
}

/** The API versions that served the project scope (the account scope reads only IAM). */
const served = (r: ScanResult) => r.scopes.find((s) => s.scope.kind === 'project')?.apiVersions

/** Every verdict as `check resource-type resource-id: status`, sorted. */
const verdicts = (r: ScanResult) =>
  r.findings.map((f) => `${f.checkId} ${f.resource.type} ${f.resource.id}: ${f.status}`).sort()

const VARIANTS: [string, Partial<ServedVersions>, Record<string, string>][] = [
  [
    'CES v1 only',
    { ces: ['v1'] },
    { compute: 'v2.1', ces: 'v1', cts: 'v3', volume: 'v2', elb: 'v2.0+v3' },
  ],
  [
    'CES v2 only',
    { ces: ['v2'] },
    { compute: 'v2.1', ces: 'v2', cts: 'v3', volume: 'v2', elb: 'v2.0+v3' },
  ],
  [
    'CTS v1 only',
    { cts: ['v1'] },
    { compute: 'v2.1', ces: 'v2', cts: 'v1', volume: 'v2', elb: 'v2.0+v3' },
  ],
  [
    'CTS v3 only',
    { cts: ['v3'] },
    { compute: 'v2.1', ces: 'v2', cts: 'v3', volume: 'v2', elb: 'v2.0+v3' },
  ],
  [
    'EVS v2 only',
    { volume: ['v2'] },
    { compute: 'v2.1', ces: 'v2', cts: 'v3', volume: 'v2', elb: 'v2.0+v3' },
  ],
  [
    'EVS v3 only',
    { volume: ['v3'] },
    { compute: 'v2.1', ces: 'v2', cts: 'v3', volume: 'v3', elb: 'v2.0+v3' },
  ],
  [
    'Nova v2 only',
    { compute: ['v2'] },
    { compute: 'v2', ces: 'v2', cts: 'v3', volume: 'v2', elb: 'v2.0+v3' },
  ],
  [
    'every older version only',
    { compute: ['v2'], ces: ['v1'], cts: ['v1'], volume: ['v2'] },
    { compute: 'v2', ces: 'v1', cts: 'v1', volume: 'v2', elb: 'v2.0+v3' },
  ],
  [
    'every newer version only',
    { compute: ['v2.1'], ces: ['v2'], cts: ['v3'], volume: ['v3'] },
    { compute: 'v2.1', ces: 'v2', cts: 'v3', volume: 'v3', elb: 'v2.0+v3' },
  ],
]

describe('demo world verdicts under every API-version variant', () => {
  const demo = loadWorld('demo', { now: NOW })
  let baseline: ScanResult
  before(async () => {
    baseline = await scan(demo)
  })

  it('the baseline (every version served) reads everything, through the preferred versions', () => {
    assert.deepEqual(baseline.issues, [])
    assert.deepEqual(served(baseline), {
      compute: 'v2.1',
      ces: 'v2',
      cts: 'v3',
      volume: 'v2',
      elb: 'v2.0+v3',
    })
    assert.deepEqual(
      toJsonReport(baseline).scopes.find((s) => s.scope.kind === 'project')?.apiVersions,
      served(baseline),
    )
    const monitoring = baseline.duties.find((d) => d.id === 'monitoring')
    assert.notEqual(monitoring?.status, 'unknown')
  })

  for (const [name, versions, expected] of VARIANTS) {
    it(`${name}: the same verdicts, and the versions that served are reported`, async () => {
      const world = {
        ...demo,
        apiVersions: { default: { ...demo.apiVersions.default, ...versions }, regions: {} },
      }
      const result = await scan(world)
      assert.deepEqual(result.issues, [])
      assert.deepEqual(served(result), expected)
      assert.deepEqual(verdicts(result), verdicts(baseline))
      assert.deepEqual(
        result.duties.map((d) => `${d.id}: ${d.status}`),
        baseline.duties.map((d) => `${d.id}: ${d.status}`),
      )
    })
  }
})
