import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cbrBackupsSample } from '../clients/cbr/fixtures.ts'
import { BackupWire } from '../clients/cbr/schemas.ts'
import { toCbrBackup } from './cbr-backup.ts'
import { CTX } from './testing.ts'

describe(toCbrBackup.name, () => {
  it('maps the doc sample', () => {
    const b = toCbrBackup(BackupWire.parse(cbrBackupsSample.backups[0]), CTX)
    assert.equal(b.resourceId, '1a503932-ee8f-4dd5-8248-8dfb57e584c5')
    assert.equal(b.resourceType, 'OS::Nova::Server')
    assert.equal(b.vaultId, 'cca85ea5-00a4-418d-9222-bd83985bc515')
    assert.equal(b.status, 'available')
    assert.equal(b.createdAt, '2020-02-21T07:00:54.065Z')
  })
})
