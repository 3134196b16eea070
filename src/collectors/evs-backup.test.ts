import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { backupWire, cinderBackupsDetailSample } from '../clients/volume/fixtures.ts'
import { BackupWire } from '../clients/volume/schemas.ts'
import { toEvsBackup } from './evs-backup.ts'
import { CTX } from './testing.ts'

describe(toEvsBackup.name, () => {
  it('maps the sample', () => {
    const b = toEvsBackup(BackupWire.parse(cinderBackupsDetailSample.backups[0]), CTX)
    assert.equal(b.volumeId, '289da7f8-6440-407c-9fb4-7db01ec49164')
    assert.equal(b.status, 'available')
    assert.equal(b.createdAt, '2016-05-26T02:42:10.856Z')
  })

  it('names an unnamed backup by its id', () => {
    const w = backupWire({ name: null })
    assert.equal(toEvsBackup(w, CTX).name, w.id)
  })
})
