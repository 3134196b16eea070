import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { renderJson } from './json.ts'
import { JsonReportSchema, reportJsonSchema } from './json-schema.ts'

describe(renderJson.name, () => {
  const r = scanResultFixture({ hostile: true })
  const text = renderJson(r)
  const doc = JSON.parse(text)

  it('parses with the published zod schema', () => {
    const res = JsonReportSchema.safeParse(doc)
    assert.ok(res.success, res.success ? '' : JSON.stringify(res.error.issues.slice(0, 5), null, 2))
  })

  it('carries tool, scan, inventory counts, issues, duties and findings', () => {
    assert.equal(doc.schemaVersion, 2)
    assert.deepEqual(doc.tool, { name: 'sphere', version: '0.1.0' })
    assert.equal(doc.scopes[0].scope.projectId, 'p-0391e4486e86')
    assert.equal(doc.inventory.counts['ecs.server'], 2)
    assert.equal(doc.issues[0].resourceType, 'evs.volume')
    const duty = doc.duties.find((d: { id: string }) => d.id === 'network-access')
    assert.deepEqual([duty.owner, duty.status, duty.counts.fail], ['customer', 'not_met', 3])
    const f = doc.findings.find(
      (x: { checkId: string; status: string }) =>
        x.checkId === 'ecs-server-no-public-admin-exposure' && x.status === 'fail',
    )
    assert.equal(f.resource.name, XSS_NAME)
    assert.equal(f.severity, 'critical')
    assert.match(f.remediation.text, /^Console: ECS/)
    assert.ok(f.references.includes('C5:COS-04'))
    assert.equal(doc.summary.findings.fail, 13)
  })

  it('carries the API versions that served each scope, when the scan knows them', () => {
    assert.equal(doc.scopes[0].apiVersions, undefined)
    const versions = { ces: 'v1', cts: 'v3', volume: 'v2' }
    const withVersions = JSON.parse(
      renderJson({
        ...r,
        scopes: r.scopes.map((s, i) => (i === 0 ? { ...s, apiVersions: versions } : s)),
      }),
    )
    assert.deepEqual(withVersions.scopes[0].apiVersions, versions)
    assert.ok(JsonReportSchema.safeParse(withVersions).success)
  })

  it('carries the scope of every finding, issue and scope roll-up (schema version 2)', () => {
    assert.equal(doc.schemaVersion, 2)
    assert.deepEqual(
      doc.scopes.map((s: { scope: { kind: string } }) => s.scope.kind),
      ['project', 'account'],
    )
    const iam = doc.findings.find(
      (f: { resource: { type: string } }) => f.resource.type === 'iam.user',
    )
    assert.equal(iam.scope.kind, 'account')
    assert.equal(iam.scope.region, 'global')
    const srv = doc.findings.find(
      (f: { resource: { type: string } }) => f.resource.type === 'ecs.server',
    )
    assert.deepEqual(srv.scope, {
      cloud: 'otc-prod',
      region: 'eu-de',
      projectId: 'p-0391e4486e86',
      projectName: 'eu-de_demo',
      kind: 'project',
    })
    for (const i of doc.issues) assert.equal(i.scope.kind, 'project')
  })

  it('keeps muted findings with their original status and reason', () => {
    const m = doc.findings.find((x: { status: string }) => x.status === 'muted')
    assert.equal(m.mutedStatus, 'fail')
    assert.match(m.mute.reason, /nightly batch/)
  })

  it('is deterministic; one line when not pretty', () => {
    assert.equal(renderJson(scanResultFixture({ hostile: true })), text)
    assert.equal(renderJson(r, { pretty: false }).trimEnd().split('\n').length, 1)
  })

  it('exports a JSON Schema', () => {
    const s = reportJsonSchema()
    assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema')
  })
})
