import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, REMOVE, withValueAt } from '../testing/schema-assert.ts'
import {
  backupWire,
  cbrBackupsSample,
  cbrPoliciesSample,
  cbrVaultsSample,
  policyWire,
  vaultWire,
} from './fixtures.ts'
import {
  BackupWire,
  ListBackupsResponse,
  ListPoliciesResponse,
  ListVaultsResponse,
  PolicyWire,
  VaultWire,
} from './schemas.ts'

describe('cbr wire schemas', () => {
  it('parses the vaults sample', () => {
    const body = ListVaultsResponse.parse(cbrVaultsSample)
    const v = body.vaults[0]!
    assert.equal(v.resources[0]?.type, 'OS::Nova::Server')
    assert.equal(v.billing.object_type, 'server')
    assert.equal(v.billing.status, 'available')
    assert.deepEqual(v.bind_rules?.tags, [{ key: 'backup', value: 'daily' }])
    assert.equal(body.count, 50)
  })

  it('parses the policies sample with its vault association and schedule', () => {
    const p = ListPoliciesResponse.parse(cbrPoliciesSample).policies[0]!
    assert.equal(p.enabled, true)
    assert.equal(p.associated_vaults?.[0]?.vault_id, 'a335f9e1-1628-4c64-a7be-38656e5ec19c')
    assert.equal(p.operation_definition.retention_duration_days, 1)
    assert.match(p.trigger.properties.pattern[0] ?? '', /^FREQ=WEEKLY/)
  })

  it('parses the backups sample', () => {
    const body = ListBackupsResponse.parse(cbrBackupsSample)
    const b = body.backups[0]!
    assert.equal(b.status, 'available')
    assert.equal(b.resource_type, 'OS::Nova::Server')
    assert.equal(b.extend_info?.auto_trigger, true)
    assert.equal(b.protected_at, '2020-02-21T07:00:54.065+00:00')
    assert.equal(body.count, 2)
  })

  it('names the field of a broken body', () => {
    const noCount = withValueAt(cbrVaultsSample, ['count'], REMOVE)
    assert.deepEqual(issuePaths(ListVaultsResponse, noCount), ['count'])
    const path = ['policies', 0, 'trigger', 'properties', 'pattern']
    const badPattern = withValueAt(cbrPoliciesSample, path, 'FREQ=DAILY')
    assert.deepEqual(issuePaths(ListPoliciesResponse, badPattern), [path.join('.')])
    const noResource = withValueAt(cbrBackupsSample, ['backups', 0, 'resource_id'], REMOVE)
    assert.deepEqual(issuePaths(ListBackupsResponse, noResource), ['backups.0.resource_id'])
  })

  it('builds valid items with stable ids', () => {
    const v = vaultWire({ name: 'v1', resources: [] })
    assert.deepEqual(issuePaths(VaultWire, v), [])
    const p = policyWire({ name: 'daily', associated_vaults: [{ vault_id: v.id }] })
    assert.deepEqual(issuePaths(PolicyWire, p), [])
    const b = backupWire({ name: 'b1', vault_id: v.id })
    assert.deepEqual(issuePaths(BackupWire, b), [])
    assert.notEqual(b.id, backupWire().id)
  })
})
