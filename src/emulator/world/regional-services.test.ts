import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SERVICE_KEYS } from '../../clients/core/types.ts'
import { InputError } from '../../model/input-error.ts'
import { worldFromData } from './load.ts'
import { isMissing, REGIONAL_SERVICES } from './regional-services.ts'

const base = {
  name: 't',
  domain: { name: 'OTC00000000001000000042' },
  projects: [{ name: 'eu-de' }, { name: 'eu-nl' }],
}

function issues(data: object): string[] {
  try {
    worldFromData(data, { file: 'w.yaml' })
  } catch (err) {
    assert.ok(err instanceof InputError, String(err))
    return err.issues.map((i) => `${i.path}: ${i.message}`)
  }
  return assert.fail('expected an InputError')
}

describe('regions.<region>.missingServices', () => {
  it('names every service but the global Keystone and IAM', () => {
    assert.deepEqual(
      [...REGIONAL_SERVICES],
      SERVICE_KEYS.filter((k) => k !== 'identity' && k !== 'iam'),
    )
  })

  it('resolves per region; regions without any lack nothing', () => {
    const w = worldFromData({
      ...base,
      regions: { 'eu-nl': { missingServices: ['cts', 'rds'] }, 'eu-de': { apiVersions: {} } },
    })
    assert.deepEqual(w.missingServices, { 'eu-nl': ['cts', 'rds'] })
    assert.ok(isMissing(w.missingServices, 'eu-nl', 'cts'))
    assert.ok(!isMissing(w.missingServices, 'eu-de', 'cts'))
    assert.ok(!isMissing(w.missingServices, 'eu-nl', 'compute'))
    assert.ok(!isMissing(w.missingServices, 'eu-nl', 'identity'))
    assert.deepEqual(worldFromData(base).missingServices, {})
  })

  it('rejects an unknown or global service, a repeat and a region no project is in, with paths', () => {
    const found = issues({
      ...base,
      regions: {
        'eu-nl': { missingServices: ['cts', 'iam', 'swr'] },
        'eu-de': { missingServices: ['cts', 'cts'] },
      },
    })
    assert.equal(found.length, 3, found.join('\n'))
    assert.match(found[0]!, /^regions\.eu-nl\.missingServices\[1\]: .*"compute".*"rds"/)
    assert.match(found[1]!, /^regions\.eu-nl\.missingServices\[2\]: /)
    assert.match(found[2]!, /^regions\.eu-de\.missingServices: expected each service once/)
    const region = issues({ ...base, regions: { 'eu-ch2': { missingServices: ['cts'] } } })
    assert.deepEqual(region, [
      'regions.eu-ch2: no project is in region "eu-ch2"; expected one of: "eu-de", "eu-nl"',
    ])
  })
})
