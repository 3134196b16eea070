import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { SEVERITIES } from '../checks/define.ts'
import { InputError } from '../model/input-error.ts'
import {
  defaultScanConfig,
  FAIL_ON_SEVERITIES,
  parseScanConfig,
  readScanConfig,
} from './scan-config.ts'

function problems(text: string, thresholds?: z.ZodType): string[] {
  try {
    parseScanConfig(text, 'sphere.yaml', thresholds)
  } catch (err) {
    assert.ok(err instanceof InputError)
    return err.issues.map((i) => `${err.file}: ${i.path}: ${i.message}`)
  }
  assert.fail('expected an InputError')
}

describe(parseScanConfig.name, () => {
  it('leaves unset what the command line and clouds.yaml decide (one default, in one place)', () => {
    const c = defaultScanConfig()
    assert.equal(c.concurrency, undefined)
    assert.equal(c.failOn, undefined)
    assert.equal(c.allowIncomplete, undefined)
    assert.equal(c.file, null)
    assert.deepEqual(FAIL_ON_SEVERITIES, SEVERITIES, 'same severities as the checks')
  })

  it('reads every field and resolves the mutelist next to the file', () => {
    const c = parseScanConfig(
      'concurrency: 8\nrequestsPerSecond: 2.5\ntimeoutSeconds: 60\nregions: [eu-de, eu-nl]\nfailOn: medium\nchecks: { exclude: [vpc-eip-bound] }\nduties: [network-access]\nmutelist: mutes.yaml\nthresholds: { rpoHours: 12 }\n',
      '/etc/sphere/sphere.yaml',
    )
    assert.equal(c.concurrency, 8)
    assert.equal(c.mutelist, '/etc/sphere/mutes.yaml')
    assert.deepEqual(c.thresholds, { rpoHours: 12 })
    assert.deepEqual(c.checks, { exclude: ['vpc-eip-bound'] })
  })

  it('names file, path and expectation of every problem', () => {
    assert.deepEqual(
      problems('concurrency: 0\nfailOn: severe\nregions: [eu de]\ncolour: true\n').sort(),
      [
        'sphere.yaml: : unknown key "colour"; expected one of: thresholds, concurrency, requestsPerSecond, apiTimeoutSeconds, authTimeoutSeconds, timeoutSeconds, clouds, projects, allProjects, regions, parallel, failOn, allowIncomplete, checks, duties, mutelist, store, db, compliance',
        'sphere.yaml: concurrency: expected at least 1',
        'sphere.yaml: failOn: Invalid option: expected one of "critical"|"high"|"medium"|"low"|"info"',
        'sphere.yaml: regions[0]: expected a region like eu-de',
      ],
    )
  })

  it('validates thresholds with the schema it is given, with paths', () => {
    const T = z.strictObject({ rpoHours: z.number().positive() })
    assert.deepEqual(problems('thresholds: { rpoHours: -1 }\n', T), [
      'sphere.yaml: thresholds.rpoHours: Too small: expected number to be >0',
    ])
  })
})

describe(readScanConfig.name, () => {
  it('reads a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sphere-cfg-'))
    const file = join(dir, 'sphere.yaml')
    writeFileSync(file, 'failOn: low\n')
    assert.equal(readScanConfig(file).failOn, 'low')
    assert.throws(
      () => readScanConfig(join(dir, 'x.yaml')),
      /x\.yaml: \(top level\): file not found/,
    )
  })
})
