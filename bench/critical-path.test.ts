/**
 * Meta-test of the critical-path model: every registry operation is classified (a list, a
 * fan-out or not collected), so a new collector's operations cannot be missing from the bound.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../src/clients/operations.ts'
import { SERVICE_PREFIX } from '../src/emulator/index.ts'
import { classify, NON_REGISTRY_OPS } from './_recorder.ts'
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
      assert.ok(
        key in OPS || NON_REGISTRY_OPS.includes(key),
        `${key} is neither a registry operation nor one bench/_recorder.ts classifies`,
      )
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
  it('OBS: requests classified by path and query; the endpoint waits for the temporary AK/SK', () => {
    const at = (path: string) => classify('GET', `http://127.0.0.1:1${path}`).op
    assert.equal(at('/obs/eu-de/'), 'obs.ListBuckets')
    assert.equal(at('/obs/eu-de/logs-1/?acl'), 'obs.GetBucketAcl')
    assert.equal(at('/obs/eu-de/logs-1/?location'), 'obs.GetBucketLocation')
    assert.equal(
      classify('POST', 'http://127.0.0.1:1/identity/v3.0/OS-CREDENTIAL/securitytokens').op,
      'iam.CreateTemporaryAccessKey',
    )
    const cp = criticalPath(
      {
        'identity.Authenticate': { requests: 1, pages: 1, bytes: 0 },
        'iam.CreateTemporaryAccessKey': { requests: 1, pages: 1, bytes: 0 },
        'obs.ListBuckets': { requests: 1, pages: 1, bytes: 0 },
        'obs.GetBucketAcl': { requests: 8, pages: 8, bytes: 0 },
        'obs.GetBucketPolicy': { requests: 8, pages: 8, bytes: 0 },
      },
      20,
      4,
    )
    const obs = cp.endpoints.find((e) => e.endpoint === 'obs')!
    // 1 token + 1 temporary key, then the list and ceil(16 ÷ 4) sub-reads.
    assert.deepEqual([obs.prefix, obs.chain, obs.rounds], [2, 5, 7])
    assert.deepEqual(cp.unmodelled, [])
  })
  it('KMS: the key list is a chain of pages, the rotation status a fan-out after it', () => {
    const url = 'http://127.0.0.1:1/kms/v1.0/p1/kms/'
    assert.equal(classify('POST', `${url}list-keys`).op, 'kms.ListKeys')
    assert.equal(classify('POST', `${url}get-key-rotation-status`).op, 'kms.GetKeyRotationStatus')
    const cp = criticalPath(
      {
        'identity.Authenticate': { requests: 1, pages: 1, bytes: 0 },
        'kms.ListKeys': { requests: 3, pages: 3, bytes: 0 },
        'kms.GetKeyRotationStatus': { requests: 10, pages: 10, bytes: 0 },
      },
      20,
      4,
    )
    const kms = cp.endpoints.find((e) => e.endpoint === 'kms')!
    assert.deepEqual([kms.prefix, kms.chain, kms.rounds], [1, 6, 7])
    assert.deepEqual(cp.unmodelled, [])
  })
})
