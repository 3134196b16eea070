/**
 * Meta-test of the critical-path model: every registry operation is classified (a list, a
 * fan-out or not collected), so a new collector's operations cannot be missing from the bound.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../src/clients/operations.ts'
import { SERVICE_PREFIX } from '../src/emulator/index.ts'
import { criticalPath, FAN_OUT_ROOT, LISTS, NOT_COLLECTED } from './critical-path.ts'

describe('bench/critical-path.ts', () => {
  it('classifies every registry operation exactly once', () => {
    for (const key of Object.keys(OPS)) {
      const homes = [LISTS.includes(key), key in FAN_OUT_ROOT, key in NOT_COLLECTED].filter(Boolean)
      assert.equal(
        homes.length,
        1,
        `${key}: add it to LISTS, FAN_OUT_ROOT or NOT_COLLECTED in bench/critical-path.ts (found in ${homes.length})`,
      )
    }
    for (const key of [...LISTS, ...Object.keys(FAN_OUT_ROOT), ...Object.keys(NOT_COLLECTED)])
      assert.ok(key in OPS, `${key} is not a registry operation`)
    for (const root of Object.values(FAN_OUT_ROOT))
      assert.ok(
        LISTS.includes(root) || root in FAN_OUT_ROOT,
        `fan-out root ${root} is not modelled`,
      )
  })
  it('every service of the registry has an endpoint in the model', () => {
    const services = new Set(Object.values(OPS).map((d) => d.service))
    for (const s of services)
      assert.ok(s in SERVICE_PREFIX, `service ${s} has no emulator prefix (endpoint) for the model`)
  })
  it('an endpoint needs max(chain, requests ÷ concurrency) rounds after its tokens', () => {
    const cp = criticalPath(
      {
        'identity.Authenticate': { requests: 2, pages: 2, bytes: 0 },
        'identity.ListUsers': { requests: 1, pages: 1, bytes: 0 },
        'iam.ListCredentials': { requests: 40, pages: 40, bytes: 0 },
        'iam.ShowCredential': { requests: 20, pages: 20, bytes: 0 },
        'compute.ListServersDetail': { requests: 10, pages: 10, bytes: 0 },
      },
      20,
      4,
    )
    // identity: 2 tokens + 1 page + ceil(60 ÷ 4) = 18 rounds; compute: 1 token + 10 pages.
    assert.equal(cp.critical.rounds, 18)
    assert.equal(cp.boundMs, 360)
    assert.equal(cp.endpoints.find((e) => e.chainOf.startsWith('compute'))?.rounds, 11)
    assert.deepEqual(cp.unmodelled, [])
  })
})
