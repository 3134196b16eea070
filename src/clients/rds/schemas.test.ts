import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, REMOVE, withValueAt } from '../testing/schema-assert.ts'
import { backupWire, instanceWire, rdsBackupsSample, rdsInstancesSample } from './fixtures.ts'
import { BackupWire, InstanceWire, ListBackupsResponse, ListInstancesResponse } from './schemas.ts'

describe('rds wire schemas', () => {
  it('parses the instances sample', () => {
    const body = ListInstancesResponse.parse(rdsInstancesSample)
    const i = body.instances[0]!
    assert.equal(i.type, 'Ha')
    assert.equal(i.datastore.type, 'MySQL')
    assert.equal(i.enable_ssl, false)
    assert.deepEqual(i.public_ips, ['10.154.219.187'])
    assert.equal(i.backup_strategy.keep_days, 7)
    assert.equal(i.disk_encryption_id, '')
    assert.equal(i.created, '2018-08-20T02:33:49+0800')
    assert.equal(body.total_count, 1)
  })

  it('parses the backups sample', () => {
    const body = ListBackupsResponse.parse(rdsBackupsSample)
    assert.equal(body.backups[0]?.status, 'COMPLETED')
    assert.equal(body.backups[0]?.instance_id, 'a48e43ff268f4c0e879652d65e63d0fbin01')
  })

  it('names the field of a broken body', () => {
    const path = ['instances', 0, 'backup_strategy', 'keep_days']
    const broken = withValueAt(rdsInstancesSample, path, '7')
    assert.deepEqual(issuePaths(ListInstancesResponse, broken), [path.join('.')])
    const noTotal = withValueAt(rdsBackupsSample, ['total_count'], REMOVE)
    assert.deepEqual(issuePaths(ListBackupsResponse, noTotal), ['total_count'])
  })

  it('builds valid items with RDS-shaped ids', () => {
    const i = instanceWire({ name: 'db-1', public_ips: [], enable_ssl: true })
    assert.deepEqual(issuePaths(InstanceWire, i), [])
    assert.match(i.id, /^[0-9a-f]{32}in01$/)
    const b = backupWire({ name: 'b', instance_id: i.id })
    assert.deepEqual(issuePaths(BackupWire, b), [])
    assert.match(b.id, /br01$/)
  })
})
