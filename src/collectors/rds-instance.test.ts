import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { instanceWire, rdsInstancesSample } from '../clients/rds/fixtures.ts'
import { InstanceWire } from '../clients/rds/schemas.ts'
import { toRdsInstance } from './rds-instance.ts'
import { CTX } from './testing.ts'

describe(toRdsInstance.name, () => {
  it('maps the doc sample', () => {
    const r = toRdsInstance(InstanceWire.parse(rdsInstancesSample.instances[0]), CTX)
    assert.equal(r.id, 'ed7cc6166ec24360a5ed5c5c9c2ed726in01')
    assert.equal(r.engine, 'MySQL')
    assert.equal(r.engineVersion, '5.7')
    assert.deepEqual(r.publicIps, ['10.154.219.187'])
    assert.equal(r.backupKeepDays, 7)
    assert.equal(r.encrypted, false, 'the sample has disk_encryption_id ""')
    assert.equal(r.kmsKeyId, null)
  })

  it('keeps the tags (key/value objects)', () => {
    const w = InstanceWire.parse({
      ...rdsInstancesSample.instances[0],
      tags: [{ key: 'a', value: 'b' }],
    })
    assert.deepEqual(toRdsInstance(w, CTX).tags, { a: 'b' })
  })

  it('reads the KMS key of an encrypted instance (create sample id), unknown when absent', () => {
    const w = instanceWire({ disk_encryption_id: '2gfdsh-844a-4023-a776-fc5c5fb71fb4' })
    assert.equal(toRdsInstance(w, CTX).encrypted, true)
    assert.equal(toRdsInstance(w, CTX).kmsKeyId, '2gfdsh-844a-4023-a776-fc5c5fb71fb4')
    const { disk_encryption_id: _gone, ...rest } = instanceWire()
    assert.equal(toRdsInstance(rest as InstanceWire, CTX).encrypted, null)
  })

  it('keeps keep_days 0 (automated backups off)', () => {
    const w = instanceWire({ backup_strategy: { start_time: '19:00-20:00', keep_days: 0 } })
    assert.equal(toRdsInstance(w, CTX).backupKeepDays, 0)
  })
})
