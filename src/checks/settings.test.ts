import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEFAULT_SETTINGS, resolveSettings } from './settings.ts'

describe(resolveSettings.name, () => {
  it('has the documented defaults', () => {
    assert.deepEqual(DEFAULT_SETTINGS, {
      adminPorts: [22, 3389],
      databasePorts: [3306, 5432, 1433, 1521, 27017, 6379, 9200],
      accessKeyMaxAgeDays: 90,
      accessKeyUnusedDays: 90,
      userInactiveDays: 90,
      imageMaxAgeDays: 180,
      osSupportPhase: 'standard',
      rpoHours: 24,
      retentionMinDays: 7,
      retentionMinCount: 7,
      rdsBackupMinKeepDays: 7,
      passwordMinLength: 12,
      passwordMinCharTypes: 3,
      elbWebPorts: [80, 443, 8000, 8008, 8080, 8443, 8888],
      elbCertificateExpiryDays: 30,
      hostReportMaxAgeDays: 7,
      hostPatchMaxAgeDays: 30,
      hostListsMaxAgeDays: 7,
    })
    assert.ok(Object.isFrozen(DEFAULT_SETTINGS))
  })

  it('applies overrides and rejects bad values and unknown keys', () => {
    assert.equal(resolveSettings({ rpoHours: 4 }).rpoHours, 4)
    assert.throws(() => resolveSettings({ adminPorts: [70000] }))
    assert.throws(() => resolveSettings({ rpo: 4 } as never))
  })
})
