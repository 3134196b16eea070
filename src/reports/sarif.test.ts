import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, it } from 'node:test'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { FINGERPRINT_KEY, renderSarif } from './sarif.ts'

const require = createRequire(import.meta.url)

/** The SARIF 2.1.0 schema (draft-04 header) loaded into Ajv's draft-07 mode. */
function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(file, 'utf8'))
  // The schema's language pattern is not valid with the u flag, so Ajv must compile it without.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false })
  addFormats.default(ajv)
  return ajv.compile({ ...schema, $id: id })
}

describe(renderSarif.name, () => {
  const r = scanResultFixture({ hostile: true })
  const sarif = JSON.parse(renderSarif(r))
  const run = sarif.runs[0]

  it('validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator()
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2))
    const broken = JSON.parse(renderSarif(r))
    broken.runs[0].results[0].level = 'severe'
    assert.equal(validate(broken), false, 'the validator does reject bad SARIF')
  })

  it('takes its rules from check metadata', () => {
    const rule = run.tool.driver.rules.find(
      (x: { id: string }) => x.id === 'ecs-server-no-public-admin-exposure',
    )
    assert.equal(rule.name, 'EcsServerNoPublicAdminExposure')
    assert.match(rule.shortDescription.text, /^Servers with a public address/)
    assert.match(rule.fullDescription.text, /directly attackable/)
    assert.match(rule.help.text, /^Console: ECS/)
    assert.deepEqual(
      [rule.properties.duty, rule.properties.severity, rule.properties['security-severity']],
      ['network-access', 'critical', '9.5'],
    )
    assert.equal(rule.defaultConfiguration.level, 'error')
  })

  it('reports fails with level by severity, a stable fingerprint and a logical location', () => {
    const res = run.results.find(
      (x: { ruleId: string; kind: string }) =>
        x.ruleId === 'ecs-server-no-public-admin-exposure' && x.kind === 'fail',
    )
    assert.equal(res.level, 'error')
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId)
    assert.match(res.partialFingerprints[FINGERPRINT_KEY], /^[0-9a-f]{28}$/)
    assert.deepEqual(res.locations[0].logicalLocations[0], {
      name: XSS_NAME,
      fullyQualifiedName: 'eu-de/ecs.server/srv-web',
      kind: 'resource',
    })
    const fails = run.results.filter(
      (x: { kind: string; suppressions?: unknown }) => x.kind === 'fail' && !x.suppressions,
    )
    assert.equal(fails.length, 13)
  })

  it('marks manual findings for review, mutes as accepted suppressions', () => {
    const review = run.results.filter((x: { kind: string }) => x.kind === 'review')
    assert.ok(review.length > 0 && review.every((x: { level: string }) => x.level === 'none'))
    const muted = run.results.find((x: { suppressions?: unknown[] }) => x.suppressions)
    assert.equal(muted.suppressions[0].status, 'accepted')
    assert.match(muted.suppressions[0].justification, /nightly batch .*mutes\[0\]/)
  })

  it('reports errors, collection issues and notes as notifications', () => {
    const inv = run.invocations[0]
    assert.equal(inv.executionSuccessful, false)
    const ids = inv.toolExecutionNotifications.map(
      (n: { descriptor: { id: string } }) => n.descriptor.id,
    )
    assert.deepEqual([...new Set(ids)], ['not-evaluated', 'collection-issue', 'scan-note'])
    const err = inv.toolExecutionNotifications[0]
    assert.equal(run.tool.driver.rules[err.associatedRule.index].id, err.associatedRule.id)
  })

  it('is deterministic', () => {
    assert.equal(renderSarif(scanResultFixture({ hostile: true })), renderSarif(r))
  })
})
