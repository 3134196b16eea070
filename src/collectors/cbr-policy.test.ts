import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cbrPoliciesSample, policyWire } from '../clients/cbr/fixtures.ts'
import { PolicyWire } from '../clients/cbr/schemas.ts'
import { cbrRetention, toCbrPolicy } from './cbr-policy.ts'
import { CTX } from './testing.ts'

describe(toCbrPolicy.name, () => {
  it('maps the doc sample', () => {
    const p = toCbrPolicy(PolicyWire.parse(cbrPoliciesSample.policies[0]), CTX)
    assert.equal(p.enabled, true)
    assert.equal(p.operationType, 'backup')
    assert.deepEqual(p.vaultIds, ['a335f9e1-1628-4c64-a7be-38656e5ec19c'])
    assert.deepEqual(p.retention, { days: 1, count: null })
    assert.deepEqual(p.schedule, ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00'])
  })

  it('reads a count-based retention; -1 and absent mean no limit', () => {
    assert.deepEqual(cbrRetention({ retention_duration_days: -1, max_backups: 30 }), {
      days: null,
      count: 30,
    })
    assert.deepEqual(cbrRetention({}), { days: null, count: null })
  })

  it('maps a policy without vaults', () => {
    assert.deepEqual(toCbrPolicy(policyWire({ associated_vaults: undefined }), CTX).vaultIds, [])
  })
})
