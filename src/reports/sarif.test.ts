import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { manyFindingsResult, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { FINDING_STATUSES } from '../engine/types.ts'
import {
  FINGERPRINT_KEY,
  GITHUB_LIMITS,
  GROUP_KEY,
  planSarif,
  renderSarif,
  renderSarifChunks,
  scopeUri,
} from './sarif.ts'

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
const validate = sarifValidator()

// biome-ignore lint/suspicious/noExplicitAny: parsed SARIF, checked field by field
type Sarif = any

/** Every documented GitHub limit the file breaks (none is the goal). */
function overGitHubLimits(text: string): string[] {
  const doc: Sarif = JSON.parse(text)
  const out: string[] = []
  if (doc.runs.length > GITHUB_LIMITS.runsPerFile) out.push('runs per file')
  for (const run of doc.runs) {
    if (run.results.length > GITHUB_LIMITS.resultsPerRun) out.push('results per run')
    if (run.tool.driver.rules.length > GITHUB_LIMITS.rulesPerRun) out.push('rules per run')
    for (const rule of run.tool.driver.rules)
      if ((rule.properties?.tags ?? []).length > GITHUB_LIMITS.tagsPerRule)
        out.push(`tags ${rule.id}`)
    for (const res of run.results) {
      if (res.locations.length > GITHUB_LIMITS.locationsPerResult) out.push('locations')
      const loc = res.locations[0]?.physicalLocation
      if (!loc?.artifactLocation?.uri || !(loc.region?.startLine >= 1))
        out.push(`no physical location: ${res.ruleId}`)
      if (/^[a-z]+:|^\//i.test(loc?.artifactLocation?.uri ?? '')) out.push('absolute uri')
    }
  }
  if (gzipSync(text).length > GITHUB_LIMITS.gzipBytes) out.push('gzipped size')
  return out
}

describe(renderSarif.name, () => {
  const r = scanResultFixture({ hostile: true })
  const text = renderSarif(r)
  const sarif: Sarif = JSON.parse(text)
  const run = sarif.runs[0]
  const everything = { statuses: [...FINDING_STATUSES] }

  it('validates against the SARIF 2.1.0 schema, grouped or not, with every status', () => {
    for (const doc of [
      sarif,
      JSON.parse(renderSarif(r, { filter: everything })),
      JSON.parse(renderSarif(r, { limits: { resultsPerRun: 3, gzipBytes: 1e9 } })),
      JSON.parse(renderSarif({ ...r, findings: [] })),
    ])
      assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2))
    const broken = JSON.parse(text)
    broken.runs[0].results[0].level = 'severe'
    assert.equal(validate(broken), false, 'the validator does reject bad SARIF')
  })

  it('stays within GitHub’s documented limits', () => {
    assert.deepEqual(overGitHubLimits(text), [])
    const broken = JSON.parse(text)
    broken.runs[0].results[0].locations[0].physicalLocation = undefined
    assert.deepEqual(overGitHubLimits(JSON.stringify(broken)), [
      `no physical location: ${broken.runs[0].results[0].ruleId}`,
    ])
  })

  it('has one rule per check with full description, help and security-severity', () => {
    assert.deepEqual(
      run.tool.driver.rules.map((x: { id: string }) => x.id),
      r.checks.map((c) => c.id),
    )
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.fullDescription.text && rule.help.text && rule.help.markdown, rule.id)
      assert.match(rule.properties['security-severity'], /^\d+\.\d$/)
    }
    for (const n of run.tool.driver.notifications) assert.ok(n.fullDescription.text && n.help.text)
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

  it('lists fail and error findings by default: fails by severity, errors as open', () => {
    const statuses = run.results.map((x: { properties: { status: string } }) => x.properties.status)
    assert.deepEqual([...new Set(statuses)].sort(), ['error', 'fail'])
    assert.equal(
      statuses.length,
      r.findings.filter((f) => ['fail', 'error'].includes(f.status)).length,
    )
    const open = run.results.filter((x: { kind: string }) => x.kind === 'open')
    assert.equal(open.length, 2)
    assert.ok(open.every((x: { level: string }) => x.level === 'none'))
    const res = run.results.find(
      (x: { ruleId: string; kind: string }) =>
        x.ruleId === 'ecs-server-no-public-admin-exposure' && x.kind === 'fail',
    )
    assert.equal(res.level, 'error')
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId)
    assert.match(res.partialFingerprints[FINGERPRINT_KEY], /^[0-9a-f]{28}$/)
  })

  it('locates each result in its scope: a stable URI (or --sarif-location) and the resource', () => {
    const res = run.results.find(
      (x: { ruleId: string }) => x.ruleId === 'ecs-server-no-public-admin-exposure',
    )
    assert.deepEqual(res.locations[0].physicalLocation, {
      artifactLocation: { uri: 'sphere/otc-prod/eu-de/eu-de_demo' },
      region: { startLine: 1 },
    })
    assert.deepEqual(res.locations[0].logicalLocations[0], {
      name: XSS_NAME,
      fullyQualifiedName: 'otc-prod/eu-de/eu-de_demo/ecs.server/srv-web',
      kind: 'resource',
    })
    assert.deepEqual(res.properties.scope, r.scopes[0]!.scope)
    const iam = run.results.find((x: { ruleId: string }) => x.ruleId === 'iam-user-mfa-enabled')
    assert.equal(
      iam.locations[0].physicalLocation.artifactLocation.uri,
      'sphere/otc-prod/account/OTC00000000001000000317',
    )
    assert.equal(iam.properties.scope.kind, 'account')
    assert.equal(
      scopeUri({ ...r.scopes[0]!.scope, projectName: 'a b/c' }),
      'sphere/otc-prod/eu-de/a%20b%2Fc',
    )
    const tf = JSON.parse(renderSarif(r, { location: 'infra/main.tf' }))
    for (const x of tf.runs[0].results)
      assert.equal(x.locations[0].physicalLocation.artifactLocation.uri, 'infra/main.tf')
    assert.deepEqual(
      run.properties.scopes.map((s: { uri: string }) => s.uri),
      ['sphere/otc-prod/eu-de/eu-de_demo', 'sphere/otc-prod/account/OTC00000000001000000317'],
    )
  })

  it('marks manual findings for review and mutes as accepted suppressions (with --status)', () => {
    const all = JSON.parse(renderSarif(r, { filter: everything })).runs[0]
    assert.equal(all.results.length, r.findings.length)
    const review = all.results.filter((x: { kind: string }) => x.kind === 'review')
    assert.ok(review.length > 0 && review.every((x: { level: string }) => x.level === 'none'))
    const muted = all.results.find((x: { suppressions?: unknown[] }) => x.suppressions)
    assert.equal(muted.suppressions[0].status, 'accepted')
    assert.match(muted.suppressions[0].justification, /nightly batch .*mutes\[0\]/)
    assert.ok(all.results.some((x: { kind: string }) => x.kind === 'pass'))
    const high = JSON.parse(renderSarif(r, { filter: { severities: ['critical'] } })).runs[0]
    assert.deepEqual(
      high.results.map((x: { ruleId: string }) => x.ruleId),
      ['ecs-server-no-public-admin-exposure'],
    )
  })

  it('reports collection issues and notes as notifications, with their scope', () => {
    const inv = run.invocations[0]
    assert.equal(inv.executionSuccessful, false)
    const ids = inv.toolExecutionNotifications.map(
      (n: { descriptor: { id: string } }) => n.descriptor.id,
    )
    assert.deepEqual([...new Set(ids)], ['collection-issue', 'scan-note'])
    assert.equal(inv.toolExecutionNotifications[0].properties.scope.projectName, 'eu-de_demo')
  })

  it('groups per check, scope and status beyond the results limit, and says why', () => {
    const limits = { resultsPerRun: 4, gzipBytes: 1e9 }
    const plan = planSarif(r, { limits })
    assert.equal(plan.grouped, true)
    assert.match(plan.reason!, /^15 results; GitHub takes 4 results per run/)
    const grouped = JSON.parse(renderSarif(r, { limits })).runs[0]
    assert.equal(grouped.results.length, plan.results)
    assert.equal(grouped.properties.grouped, true)
    const mfa = grouped.results.find((x: { ruleId: string }) => x.ruleId === 'iam-user-mfa-enabled')
    assert.equal(mfa.properties.count, 2)
    assert.deepEqual(
      mfa.properties.resources.map((x: { id: string }) => x.id),
      ['u-bob', 'u-svc'],
    )
    assert.match(
      mfa.message.text,
      /: fail on 2 resources in otc-prod account OTC00000000001000000317/,
    )
    assert.equal(
      mfa.partialFingerprints[GROUP_KEY],
      'iam-user-mfa-enabled@otc-prod/global/d-f61828ffa684#fail',
    )
    const total = grouped.results.reduce(
      (n: number, x: { properties: { count: number } }) => n + x.properties.count,
      0,
    )
    assert.equal(total, 15, 'every finding is in a group')
  })

  it('groups when the gzipped file would pass the upload limit', () => {
    const plan = planSarif(r, { limits: { resultsPerRun: 1e6, gzipBytes: 2000 } })
    assert.equal(plan.grouped, true)
    assert.match(plan.reason!, /MB gzipped; GitHub takes/)
    assert.ok(plan.gzipBytes! > 2000)
    assert.equal(planSarif(r).grouped, false)
  })

  it('stays within GitHub’s limits at 120,000 findings (30,000 fail or error)', () => {
    const big = manyFindingsResult(120_000)
    const plan = planSarif(big)
    assert.equal(plan.grouped, true)
    const out = [...renderSarifChunks(big, { plan })].join('')
    assert.deepEqual(overGitHubLimits(out), [])
    assert.ok(validate(JSON.parse(out)))
  })

  it('is deterministic, and the chunks make the whole', () => {
    assert.equal(renderSarif(scanResultFixture({ hostile: true })), text)
    assert.equal([...renderSarifChunks(r)].join(''), text)
  })
})
