import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { keyDetail, listKeysSample, rotationStatusSample } from '../clients/kms/fixtures.ts'
import { KeyDetailWire } from '../clients/kms/schemas.ts'
import { httpError } from '../clients/testing/http-error.ts'
import { kmsKeyCollector, rotatable, toKmsKey } from './kms-key.ts'
import { CTX, fakeService } from './testing.ts'

const run = (replies: Record<string, unknown>) =>
  kmsKeyCollector.collect({
    ...CTX,
    client: async () => fakeService('kms', replies as never),
    shared: (_k, fn) => fn(),
    issue: (err) => ({
      service: 'kms',
      resourceType: 'kms.key',
      region: CTX.region,
      errorKind: 'forbidden',
      message: err instanceof Error ? err.message : String(err),
    }),
  })

describe('kms.key collection', () => {
  it('maps the documented samples: an enabled customer key with rotation on', async () => {
    const out = await run({
      ListKeys: () => listKeysSample,
      GetKeyRotationStatus: () => rotationStatusSample,
    })
    assert.deepEqual(out.issues, [])
    const [k] = out.resources
    assert.equal(k?.alias, 'caseuirpr')
    assert.equal(k?.state, 'enabled')
    assert.equal(k?.rotatable, true)
    assert.equal(k?.rotationEnabled, true)
    assert.equal(k?.rotationIntervalDays, 30)
  })

  it('asks no rotation status of default, imported, asymmetric or disabled keys', () => {
    const d = (over: Partial<KeyDetailWire>) => KeyDetailWire.parse(keyDetail(over))
    assert.equal(rotatable(d({ default_key_flag: '1', key_alias: 'obs/default' })), false)
    assert.equal(rotatable(d({ origin: 'external' })), false)
    assert.equal(rotatable(d({ key_spec: 'RSA_2048' })), false)
    assert.equal(rotatable(d({ key_state: '3' })), false)
    assert.equal(toKmsKey(d({ key_state: '4' }), undefined, CTX).state, 'pending-deletion')
  })

  it('leaves the status null and records one issue when it cannot be read', async () => {
    const out = await run({
      ListKeys: () => listKeysSample,
      GetKeyRotationStatus: (req: { op: string; path: string }) => httpError(req, 403, 'KMS.0203'),
    })
    assert.equal(out.resources[0]?.rotationEnabled, null)
    assert.equal(out.issues?.length, 1)
  })
})
