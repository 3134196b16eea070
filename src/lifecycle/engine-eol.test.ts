import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultEngineLifecycle, engineMajor } from './engine-eol.ts'

describe('engine lifecycle data', () => {
  const data = defaultEngineLifecycle()

  it('has the OTC policy dates (otc-api-platform.md §8), marked verified', () => {
    assert.equal(data.lookup('MySQL', '5.7')?.eos, '2025-11-30')
    assert.equal(data.lookup('mysql', '8.0')?.eos, null)
    assert.equal(data.lookup('PostgreSQL', '12')?.eos, '2026-04-30')
    assert.equal(data.lookup('PostgreSQL', '17')?.verified, true)
  })

  it('marks vendor dates OTC does not publish as unverified', () => {
    const sql = data.lookup('SQLServer', '2017_SE')
    assert.equal(sql?.eos, '2027-10-12')
    assert.equal(sql?.verified, false)
    assert.equal(data.lookup('PostgreSQL', '11')?.verified, false)
  })

  it('reads the major version from the API forms', () => {
    assert.equal(engineMajor('SQLServer', '2019_EE'), '2019')
    assert.equal(engineMajor('MySQL', '8.0.28'), '8.0')
    assert.equal(engineMajor('PostgreSQL', '15.4'), '15')
    assert.equal(engineMajor('PostgreSQL', '9.6.24'), '9.6')
  })

  it('knows nothing of an engine or version not in the file', () => {
    assert.equal(data.lookup('MariaDB', '10.6'), undefined)
    assert.equal(data.lookup('MySQL', '9.1'), undefined)
  })
})
