import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEFAULT_SETTINGS } from '../checks/settings.ts'
import { loadScanConfig, parseScanConfigText } from './scan-config.ts'

describe(parseScanConfigText.name, () => {
  it('applies thresholds over the check defaults', () => {
    const { settings } = parseScanConfigText('thresholds: { accessKeyMaxAgeDays: 30 }\n', 's.yaml')
    assert.equal(settings.accessKeyMaxAgeDays, 30)
    assert.equal(settings.rpoHours, DEFAULT_SETTINGS.rpoHours)
  })

  it('rejects unknown or invalid thresholds naming the path', () => {
    assert.throws(
      () => parseScanConfigText('thresholds: { adminPorts: [22, 70000], rpo: 1 }\n', 's.yaml'),
      (err: Error) =>
        /s\.yaml: thresholds\.adminPorts\[1\]: Too big: expected number to be <=65535/.test(
          err.message,
        ) && /s\.yaml: thresholds: Unrecognized key: "rpo"/.test(err.message),
    )
  })

  it('uses the defaults without a file', () => {
    assert.equal(loadScanConfig().settings, DEFAULT_SETTINGS)
  })
})
